import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { fail } from '../../shared/errors.ts'
import { editorSchema } from '../../shared/editor/extensions.ts'
import type { Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import * as personRepo from '../people/person.repo.ts'
import { loadActor } from '../people/load-actor.ts'
import { createPosition } from '../positions/create-position.ts'
import { coSign } from '../publishing/co-sign.ts'
import { publishPosition } from '../publishing/publish-position.ts'
import { withdrawPosition } from '../publishing/withdraw-position.ts'
import { createDemoVoice } from './demo-voice.ts'
import { castBallot } from '../rounds/cast-ballot.ts'
import { closeRound } from '../rounds/close-round.ts'
import { openRound } from '../rounds/open-round.ts'
import { appendUpdate } from '../sync/doc.repo.ts'
import { DRAFT_FRAGMENT, loadDocFromDb } from '../sync/load-doc.ts'

const DAY = 24 * 3600 * 1000

/** The people and records the demo positions need, by the demo's own keys. */
export interface DemoCast {
  personId: (name: string) => string
  groupId: (key: string) => string
  initiativeId: (key: string) => string
}

export interface DemoPosition {
  state: 'drafting' | 'in_round' | 'adopted' | 'published' | 'withdrawn'
  title: string
  /** Path on the app (members) and, once published, on the public site. */
  path: string
  publicPath: string | null
}

interface Ballot {
  voter: string
  initiative: string
  choice: 'consent' | 'concern' | 'stand_aside' | 'objection'
  reason?: string
}

const doc = (...blocks: Array<{ heading?: string; text?: string; items?: string[] }>) => ({
  type: 'doc',
  content: blocks.flatMap((b) => [
    ...(b.heading ? [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: b.heading }] }] : []),
    ...(b.text ? [{ type: 'paragraph', content: [{ type: 'text', text: b.text }] }] : []),
    ...(b.items
      ? [{ type: 'bulletList', content: b.items.map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) }]
      : []),
  ]),
})

/** Writes the draft as one Yjs update, the way an editor's first keystrokes would arrive. */
function writeDraft(deps: Deps, positionId: string, json: unknown): void {
  const { doc: ydoc } = loadDocFromDb(deps.db, positionId)
  const before = Y.encodeStateVector(ydoc)
  prosemirrorJSONToYXmlFragment(editorSchema(), json, ydoc.getXmlFragment(DRAFT_FRAGMENT))
  appendUpdate(deps.db, positionId, Y.encodeStateAsUpdate(ydoc, before))
  ydoc.destroy()
}

/**
 * Positions in every state of the lifecycle, made with the same domain functions the pages
 * call (create, open a round, cast ballots, close, publish, co-sign, withdraw), so the demo shows
 * what real use leaves behind: a draft with text, an open consent round with some answers, an
 * adopted position waiting for a spokesperson, a published one with co-signers, a withdrawn one.
 */
export async function createDemoPositions(deps: Deps, cast: DemoCast): Promise<DemoPosition[]> {
  const actor = (name: string): Actor => loadActor(deps.db, personRepo.getPerson(deps.db, cast.personId(name)) ?? fail('not_found'))
  const create = (coordinator: string, group: string, title: string, content: unknown) => {
    const position = createPosition(deps, actor(coordinator), { groupId: cast.groupId(group), title })
    writeDraft(deps, position.id, content)
    return position
  }
  const decide = async (coordinator: string, positionId: string, ballots: Ballot[], close: boolean) => {
    const round = await openRound(deps, actor(coordinator), positionId, {
      kind: 'consent',
      electorate: 'initiatives',
      quorum: 0.5,
      visibility: 'open',
      closesAt: deps.now() + 7 * DAY,
    })
    for (const b of ballots) await castBallot(deps, actor(b.voter), round.id, { choice: b.choice, reason: b.reason, initiativeId: cast.initiativeId(b.initiative) })
    if (close) closeRound(deps, actor(coordinator), round.id)
    return round
  }
  const adoptingBallots: Ballot[] = [
    { voter: 'Samir Haddad', initiative: 'hannover', choice: 'consent' },
    { voter: 'Yusuf Özdemir', initiative: 'osnabrueck', choice: 'consent' },
    { voter: 'Claudia Meyer', initiative: 'braunschweig', choice: 'concern', reason: 'Die Fristen sind knapp, aber die Richtung stimmt.' },
    { voter: 'Jonas Richter', initiative: 'goettingen', choice: 'consent' },
    { voter: 'Elif Kaya', initiative: 'celle', choice: 'stand_aside' },
  ]
  const out: DemoPosition[] = []
  const listed = (state: DemoPosition['state'], position: { id: string; title: string }, publicSlug: string | null = null) =>
    out.push({ state, title: position.title, path: `/positions/${position.id}`, publicPath: publicSlug ? `/p/${publicSlug}` : null })

  // 1. A draft people are still writing.
  const draft = create('Fatima Haidari', 'sprache', 'Sprachkurse ab dem ersten Tag', doc(
    { heading: 'Worum es geht', text: 'Wer ankommt, wartet oft Monate auf einen Platz im Integrationskurs. In dieser Zeit geht viel Motivation verloren.' },
    { heading: 'Was wir fordern', items: ['Kursplätze für alle, unabhängig vom Aufenthaltsstatus.', 'Kinderbetreuung während der Kurse.', 'Fahrtkosten werden übernommen.'] },
  ))
  listed('drafting', draft)

  // 2. An open consent round with some answers, one with a concern.
  const open = create('Ayşe Demir', 'wohnen', 'Wohnungen statt Sammelunterkünfte', doc(
    { heading: 'Worum es geht', text: 'Viele Geflüchtete leben jahrelang in Sammelunterkünften, ohne Privatsphäre und ohne Ruhe zum Lernen.' },
    { heading: 'Unsere Forderungen', items: ['Die Stadt vermittelt Wohnungen aktiv.', 'Mietbürgschaften für Geflüchtete.', 'Auszug sofort, wenn eine Wohnung gefunden ist.'] },
  ))
  await decide('Ayşe Demir', open.id, [
    { voter: 'Ayşe Demir', initiative: 'hannover', choice: 'consent' },
    { voter: 'Anna Schulz', initiative: 'winsen', choice: 'concern', reason: 'Bitte auch an Familien mit vielen Kindern denken.' },
    { voter: 'Lena Wagner', initiative: 'osnabrueck', choice: 'consent' },
  ], false)
  listed('in_round', open)

  // 3. Adopted, waiting for a spokesperson to publish it.
  const adopted = create('Michael Schneider', 'arbeit', 'Arbeitserlaubnis ohne Wartezeit', doc(
    { text: 'Wer arbeiten will, soll arbeiten dürfen: Die Beschäftigungsduldung muss ohne Wartezeit erteilt werden, und Abschlüsse aus dem Herkunftsland werden schneller anerkannt.' },
  ))
  await decide('Michael Schneider', adopted.id, adoptingBallots, true)
  listed('adopted', adopted)

  // 4. Published, with co-signing initiatives.
  const published = create('Jürgen Weber', 'ombud', 'Unabhängige Beschwerdestelle für Unterkünfte', doc(
    { heading: 'Worum es geht', text: 'Wer in einer Unterkunft lebt, braucht eine Stelle, an die er sich ohne Angst wenden kann.' },
    { heading: 'Unsere Forderungen', items: ['Eine Beschwerdestelle, die nicht vom Betreiber abhängt.', 'Beratung in den Sprachen der Bewohnerinnen und Bewohner.'] },
  ))
  await decide('Jürgen Weber', published.id, adoptingBallots, true)
  const publication = publishPosition(deps, actor('Thomas Krüger'), published.id, { summary: 'Das Bündnis fordert eine unabhängige Beschwerdestelle für alle Unterkünfte.' })
  coSign(deps, actor('Jonas Richter'), published.id, cast.initiativeId('goettingen'))
  coSign(deps, actor('Jonas Richter'), published.id, cast.initiativeId('lueneburg'))
  coSign(deps, actor('Katharina Fischer'), published.id, cast.initiativeId('hannover'))
  listed('published', published, publication.slug)
  createDemoVoice(deps, actor('Sabine Hoffmann'), actor('Thomas Krüger'), published.id, ['goettingen', 'lueneburg', 'hannover', 'osnabrueck'].map(cast.initiativeId))

  // 5. Published once, then withdrawn with a reason (the public page stays, marked withdrawn).
  const withdrawn = create('Ayşe Demir', 'wohnen', 'Residenzpflicht lockern', doc(
    { text: 'Die Wohnsitzauflage verhindert, dass Menschen dorthin ziehen, wo sie Arbeit und Familie haben.' },
  ))
  await decide('Ayşe Demir', withdrawn.id, adoptingBallots, true)
  const old = publishPosition(deps, actor('Thomas Krüger'), withdrawn.id, {})
  withdrawPosition(deps, actor('Thomas Krüger'), withdrawn.id, { reason: 'Durch die neue Landesregelung überholt.' })
  listed('withdrawn', withdrawn, old.slug)
  return out
}
