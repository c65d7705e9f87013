import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_MAX_DRAFT_BYTES } from '../../../server/config.ts'
import { draftRender, frozenText } from '../../../server/render/render-tasks.tsx'
import { readStoredLog } from '../../../server/sync/load-doc.ts'
import { buildPosition } from '../../support/factories.ts'
import { buildPublishingWorld, writeDraftJson } from '../../support/adopt.ts'
import { draftStateBytes, longContent, paragraphsFor } from '../../support/large-draft.ts'
import { testApp } from '../../support/test-app.ts'

// The app as it ships: one render worker, drafts and diffs under 16 KiB rendered in place.
const t = await testApp()
afterAll(() => t.close())
const world = buildPublishingWorld(t)
const coordinator = t.client.as(world.coordinator.cookie)
const paragraphs = paragraphsFor(t.db, world.groupId, DEFAULT_MAX_DRAFT_BYTES)

function largestDraft(variant = 0) {
  const position = buildPosition(t.db, { groupId: world.groupId, createdBy: world.coordinator.id, title: 'Sehr lange Position' })
  writeDraftJson(t.db, position.id, longContent(paragraphs, variant))
  return position
}

/**
 * Sends the render, then a small request from someone else as it would come from the network
 * (in a later turn of the event loop), and records which answer was complete first. A render that
 * holds the event loop is finished before the other request is even read.
 */
async function whileRendering(render: () => Promise<Response>): Promise<{ order: string[]; res: Response; body: string }> {
  const order: string[] = []
  const big = render().then(async (res) => {
    const body = await res.text()
    order.push('render')
    return { res, body }
  })
  const small = new Promise((resolve) => setImmediate(resolve)).then(async () => {
    const res = await t.client.get('/login')
    await res.text()
    order.push(`login ${res.status}`)
  })
  const [{ res, body }] = await Promise.all([big, small])
  return { order, res, body }
}

describe('renders of the largest allowed draft', () => {
  it('is a draft of the largest allowed size', () => {
    const position = largestDraft()
    const bytes = draftStateBytes(t.db, position.id)
    expect(bytes).toBeLessThanOrEqual(DEFAULT_MAX_DRAFT_BYTES)
    expect(bytes).toBeGreaterThan(DEFAULT_MAX_DRAFT_BYTES * 0.9)
  })

  it('answers others while the draft JSON is rendered, and gives what the main thread renders', async () => {
    const position = largestDraft()
    const { order, res, body } = await whileRendering(() => coordinator.get(`/api/positions/${position.id}/draft`))
    expect(order).toEqual(['login 200', 'render'])
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(body).toBe(draftRender(readStoredLog(t.db, position.id).updates).json)
  })

  it('answers others while the position page is rendered, and shows the same text', async () => {
    const position = largestDraft()
    const { order, res, body } = await whileRendering(() => coordinator.get(`/positions/${position.id}`))
    expect(order).toEqual(['login 200', 'render'])
    expect(res.status).toBe(200)
    expect(body).toContain(draftRender(readStoredLog(t.db, position.id).updates).html)
  })

  it('answers others while a version is frozen, and freezes the same text and hash', async () => {
    const position = largestDraft()
    const expected = frozenText(readStoredLog(t.db, position.id).updates)
    const { order, res, body } = await whileRendering(() => coordinator.post(`/api/positions/${position.id}/versions`, {}))
    expect(order).toEqual(['login 200', 'render'])
    expect(res.status).toBe(201)
    expect(JSON.parse(body)).toEqual({ number: 1, hash: expected.hash })
    const stored = t.db.sqlite.prepare('select content, html, hash from versions where position_id = ?').get(position.id)
    expect(stored).toEqual(expected)
  })

  it('answers others while the diff of two versions is computed, in JSON and as a page', async () => {
    const position = largestDraft(0)
    expect((await coordinator.post(`/api/positions/${position.id}/versions`, {})).status).toBe(201)
    writeDraftJson(t.db, position.id, longContent(paragraphs, 3))
    expect((await coordinator.post(`/api/positions/${position.id}/versions`, {})).status).toBe(201)
    const page = await whileRendering(() => coordinator.get(`/positions/${position.id}/diff?from=1&to=2`))
    expect(page.order).toEqual(['login 200', 'render'])
    expect(page.body).toContain('<ins>')
    const json = await whileRendering(() => coordinator.get(`/api/positions/${position.id}/diff?from=1&to=2`))
    expect(json.res.status).toBe(200)
    const blocks = (JSON.parse(json.body) as { blocks: Array<{ status: string }> }).blocks
    expect(blocks.filter((b) => b.status === 'changed').length).toBeGreaterThan(paragraphs / 7 - 2)
  })

  it('answers others while the PDF of a published position is laid out', async () => {
    const position = largestDraft()
    const open = await coordinator.post(`/api/positions/${position.id}/rounds`, {
      kind: 'consent',
      electorate: 'initiatives',
      quorum: 0.5,
      visibility: 'open',
      closesAt: new Date(t.clock.now() + 7 * 24 * 3600 * 1000).toISOString(),
    })
    expect(open.status).toBe(201)
    const roundId = ((await open.json()) as { id: string }).id
    for (const delegate of world.delegates) await t.client.as(delegate.cookie).put(`/api/rounds/${roundId}/ballot`, { choice: 'consent' })
    t.clock.advance(60_000)
    expect((await coordinator.post(`/api/rounds/${roundId}/close`)).status).toBe(200)
    expect((await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})).status).toBeLessThan(300)
    const { order, res, body } = await whileRendering(() => t.client.get(`/p/${position.slug}.pdf`))
    expect(order).toEqual(['login 200', 'render'])
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(body.startsWith('%PDF-')).toBe(true)
  })
})
