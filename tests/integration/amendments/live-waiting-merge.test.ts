import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { closeDueRounds } from '../../../server/rounds/close-round.ts'
import { testClock, type TestClock } from '../../support/clock.ts'
import { startDraftWorld, type DraftWorld } from '../../support/draft-world.ts'
import { writeDraft } from '../../support/drafts.ts'
import { addToGroup, addToInitiative, buildInitiative, buildPerson, sessionCookie } from '../../support/factories.ts'
import { TEST_ORIGIN } from '../../support/test-app.ts'
import { draftText, waitFor, type DraftClient } from '../../support/yjs-client.ts'

const DAY = 24 * 3600_000
let world: DraftWorld
let clock: TestClock
let coordinator: string
let delegate: string

beforeAll(async () => {
  clock = testClock(Date.now())
  world = await startDraftWorld({ now: clock.now })
  const db = world.server.db
  const person = buildPerson(db, { name: 'Koordination' })
  addToGroup(db, world.groupId, person.id, true)
  coordinator = sessionCookie(db, person.id, clock.now())
  const voter = buildPerson(db, { name: 'Delegierte' })
  addToInitiative(db, buildInitiative(db).id, voter.id, 'delegate')
  delegate = sessionCookie(db, voter.id, clock.now())
})
afterAll(() => world.close())

function send(method: 'POST' | 'PUT', path: string, cookie: string, body: unknown): Promise<Response> {
  return fetch(`${world.server.url}${path}`, {
    method,
    headers: { origin: TEST_ORIGIN, cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function ok<T>(res: Promise<Response>, status = 200): Promise<T> {
  const r = await res
  expect(r.status, await r.clone().text()).toBe(status)
  return (await r.json()) as T
}

function paragraphText(client: DraftClient, index: number): Y.XmlText {
  return (client.doc.getXmlFragment('content').get(index) as Y.XmlElement).get(0) as Y.XmlText
}

/** Types `text` one character per turn of the event loop, each a separate update sent to the server. */
async function typeSlowly(client: DraftClient, paragraph: number, at: 'start' | 'end', text: string): Promise<void> {
  for (let i = 0; i < text.length; i++) {
    const yText = paragraphText(client, paragraph)
    yText.insert(at === 'start' ? i : yText.length, text[i]!)
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** A position with version 1, Anna and Ben in its editor, Ä1 and Ä2 (on both paragraphs) taken over while a consent round runs. */
async function takenOverDuringRound(): Promise<{ positionId: string; roundId: string; amendmentId: string; anna: DraftClient; ben: DraftClient }> {
  const positionId = world.newPosition()
  writeDraft(world.server.db, positionId, ['Wir fordern bezahlbaren Wohnraum für alle.', 'Sprachkurse ab dem ersten Tag.'])
  await ok(send('POST', `/api/positions/${positionId}/versions`, coordinator, {}), 201)
  const anna = world.connect(positionId, world.anna)
  const ben = world.connect(positionId, world.ben)
  await Promise.all([anna.synced(), ben.synced()])
  const { id: amendmentId } = await ok<{ id: string }>(
    send('POST', `/api/positions/${positionId}/amendments`, world.anna, { versionNumber: 1, from: 13, to: 33, text: 'guten und bezahlbaren Wohnraum', reason: 'Qualität zählt.' }),
    201,
  )
  const { id: roundId } = await ok<{ id: string }>(
    send('POST', `/api/positions/${positionId}/rounds`, coordinator, { kind: 'consent', quorum: 0.5, closesAt: new Date(clock.now() + 2 * DAY).toISOString() }),
    201,
  )
  await waitFor(() => anna.access() === 'read-only' && ben.access() === 'read-only', { what: 'both editors to become read-only' })
  // A second one, proposed during the round, on the other paragraph; taken over first.
  const { id: second } = await ok<{ id: string }>(
    send('POST', `/api/positions/${positionId}/amendments`, world.ben, { versionNumber: 1, from: 45, to: 56, text: 'Deutschkurse', reason: 'Genauer.' }),
    201,
  )
  for (const id of [second, amendmentId]) {
    expect(await ok(send('POST', `/api/amendments/${id}/decision`, coordinator, { decision: 'take_over' }))).toMatchObject({ status: 'taken_over', mergeNote: 'waiting' })
  }
  return { positionId, roundId, amendmentId, anna, ben }
}

const ORIGINAL = 'Wir fordern bezahlbaren Wohnraum für alle.\nSprachkurse ab dem ersten Tag.'
const MERGED = 'Wir fordern guten und bezahlbaren Wohnraum für alle.\nDeutschkurse ab dem ersten Tag.'

describe('amendments waiting for a round on the text, with two editors open', () => {
  it('reach both editors right after the round is cancelled, and typing at once keeps both edits and the amendments', async () => {
    const { positionId, roundId, anna, ben } = await takenOverDuringRound()
    expect([draftText(anna.doc), draftText(ben.doc)]).toEqual([ORIGINAL, ORIGINAL])

    await ok(send('POST', `/api/rounds/${roundId}/cancel`, coordinator, { reason: 'Erst die Änderungsanträge einarbeiten.' }))
    await waitFor(() => draftText(anna.doc) === MERGED && draftText(ben.doc) === MERGED, { what: 'the amendment in both editors' })
    await waitFor(() => anna.access() === 'read-write' && ben.access() === 'read-write', { what: 'both editors to be writable again' })

    await Promise.all([typeSlowly(anna, 0, 'start', 'Erstens: '), typeSlowly(ben, 1, 'end', ' Kostenlos!')])
    const expected = 'Erstens: Wir fordern guten und bezahlbaren Wohnraum für alle.\nDeutschkurse ab dem ersten Tag. Kostenlos!'
    await waitFor(() => draftText(anna.doc) === expected && draftText(ben.doc) === expected, { what: 'both editors to converge' })
    const stored = await fetch(`${world.server.url}/api/positions/${positionId}/draft`, { headers: { cookie: world.ben } })
    expect(((await stored.json()) as { html: string }).html).toBe('<p>Erstens: Wir fordern guten und bezahlbaren Wohnraum für alle.</p><p>Deutschkurse ab dem ersten Tag. Kostenlos!</p>')
  })

  it('reach both editors when the round closes at its deadline without adoption', async () => {
    const { roundId, amendmentId, anna, ben } = await takenOverDuringRound()
    await ok(send('PUT', `/api/rounds/${roundId}/ballot`, delegate, { choice: 'objection', reason: 'So nicht.' }))
    clock.advance(2 * DAY)
    // What the deadline job runs when it wakes.
    expect(closeDueRounds(world.server.deps)).toBe(1)
    await waitFor(() => draftText(anna.doc) === MERGED && draftText(ben.doc) === MERGED, { what: 'the amendment in both editors' })
    const listed = await fetch(`${world.server.url}/api/positions/${anna.provider.roomname}/amendments`, { headers: { cookie: coordinator } })
    expect(((await listed.json()) as { amendments: Array<{ id: string; status: string }> }).amendments).toEqual([
      expect.objectContaining({ id: amendmentId, status: 'merged' }),
      expect.objectContaining({ status: 'merged' }),
    ])
  })
})
