import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startDraftWorld, type DraftWorld } from '../../support/draft-world.ts'
import { writeDraft } from '../../support/drafts.ts'
import { addToGroup, buildInitiative, buildPerson, sessionCookie } from '../../support/factories.ts'
import { TEST_ORIGIN } from '../../support/test-app.ts'
import { draftText, waitFor, type DraftClient } from '../../support/yjs-client.ts'

let world: DraftWorld
let coordinator: string

beforeAll(async () => {
  world = await startDraftWorld()
  const person = buildPerson(world.server.db, { name: 'Koordination' })
  addToGroup(world.server.db, world.groupId, person.id, true)
  coordinator = sessionCookie(world.server.db, person.id, Date.now())
})
afterAll(() => world.close())

function post(path: string, cookie: string, body: unknown): Promise<Response> {
  return fetch(`${world.server.url}${path}`, {
    method: 'POST',
    headers: { origin: TEST_ORIGIN, cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
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

describe('merging an amendment while two people type in the draft', () => {
  it('reaches both open editors, and both their edits and the amendment survive', async () => {
    const positionId = world.newPosition()
    writeDraft(world.server.db, positionId, ['Wir fordern bezahlbaren Wohnraum für alle.', 'Sprachkurse ab dem ersten Tag.'])
    expect((await post(`/api/positions/${positionId}/versions`, coordinator, {})).status).toBe(201)
    const anna = world.connect(positionId, world.anna)
    const ben = world.connect(positionId, world.ben)
    await Promise.all([anna.synced(), ben.synced()])
    const proposed = await post(`/api/positions/${positionId}/amendments`, world.anna, {
      versionNumber: 1,
      from: 13,
      to: 33,
      text: 'guten und bezahlbaren Wohnraum',
      reason: 'Qualität zählt.',
    })
    expect(proposed.status).toBe(201)
    const { id } = (await proposed.json()) as { id: string }

    // Anna types at the start of the amended paragraph, Ben at the end of the next one, while
    // the coordinator takes the amendment over.
    const [decision] = await Promise.all([
      post(`/api/amendments/${id}/decision`, coordinator, { decision: 'take_over' }),
      typeSlowly(anna, 0, 'start', 'Erstens: '),
      typeSlowly(ben, 1, 'end', ' Kostenlos!'),
    ])
    expect(decision.status).toBe(200)
    expect(await decision.json()).toMatchObject({ status: 'merged' })

    const expected = 'Erstens: Wir fordern guten und bezahlbaren Wohnraum für alle.\nSprachkurse ab dem ersten Tag. Kostenlos!'
    await waitFor(() => draftText(anna.doc) === expected && draftText(ben.doc) === expected, { what: 'both editors to converge' })
    // What the server stored is the same text.
    const stored = await fetch(`${world.server.url}/api/positions/${positionId}/draft`, { headers: { cookie: world.ben } })
    expect(((await stored.json()) as { html: string }).html).toBe(
      '<p>Erstens: Wir fordern guten und bezahlbaren Wohnraum für alle.</p><p>Sprachkurse ab dem ersten Tag. Kostenlos!</p>',
    )
  })

  it('keeps typing inside the same paragraph right after the passage', async () => {
    const positionId = world.newPosition()
    writeDraft(world.server.db, positionId, ['Wir fordern bezahlbaren Wohnraum für alle.'])
    expect((await post(`/api/positions/${positionId}/versions`, coordinator, {})).status).toBe(201)
    const anna = world.connect(positionId, world.anna)
    const ben = world.connect(positionId, world.ben)
    await Promise.all([anna.synced(), ben.synced()])
    const proposed = await post(`/api/positions/${positionId}/amendments`, world.ben, { versionNumber: 1, from: 38, to: 43, text: 'alle Menschen.', reason: 'Deutlicher.' })
    const { id } = (await proposed.json()) as { id: string }
    const [decision] = await Promise.all([
      post(`/api/amendments/${id}/decision`, coordinator, { decision: 'take_over' }),
      typeSlowly(anna, 0, 'end', ' Sofort.'),
    ])
    expect(await decision.json()).toMatchObject({ status: 'merged' })
    const expected = 'Wir fordern bezahlbaren Wohnraum für alle Menschen. Sofort.'
    await waitFor(() => draftText(anna.doc) === expected && draftText(ben.doc) === expected, { what: 'both editors to converge' })
  })

  it('leaves rounds on a version to their own route on the real server (the body is read twice)', async () => {
    buildInitiative(world.server.db)
    const positionId = world.newPosition()
    writeDraft(world.server.db, positionId, ['Text.'])
    const res = await post(`/api/positions/${positionId}/rounds`, coordinator, {
      kind: 'consent',
      quorum: 0.5,
      closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    expect(await res.json()).toMatchObject({ kind: 'consent', versionNumber: 1 })
  })
})
