import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { writeDraft } from '../../support/drafts.ts'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let groupId: string

beforeAll(async () => {
  t = await testApp()
  groupId = buildGroup(t.db).id
})
afterAll(() => t.close())

function as(opts: { inGroup: boolean }) {
  const id = buildPerson(t.db).id
  if (opts.inGroup) addToGroup(t.db, groupId, id)
  return t.client.as(sessionCookie(t.db, id, t.clock.now()))
}

describe('the comment panel on the position page', () => {
  it('stands beside the draft with the form for a member of the group', async () => {
    const p = buildPosition(t.db, { groupId })
    writeDraft(t.db, p.id, ['Wir fordern bezahlbaren Wohnraum.'])
    const html = await (await as({ inGroup: true }).get(`/positions/${p.id}`)).text()
    expect(html).toContain('class="editor-layout has-comments"')
    expect(html).toMatch(/<aside class="comments" id="comments" aria-labelledby="comments-heading"[^>]*data-can-write="true"/)
    expect(html).toContain('<label for="comment-new-body">Dein Kommentar</label>')
  })

  it('tells a reader without a group or initiative who can comment, without a form', async () => {
    const p = buildPosition(t.db, { groupId })
    const html = await (await as({ inGroup: false }).get(`/positions/${p.id}`)).text()
    expect(html).toContain('data-can-write="false"')
    expect(html).not.toContain('comment-new-body')
    expect(html).toContain('Kommentieren können die Mitglieder der Arbeitsgruppe und der Initiativen des Bündnisses.')
  })
})

describe('the comment panel on the position page while a round runs', () => {
  it('stands beside the frozen text with the threads of its version, and goes once the round is over', async () => {
    const t2 = await testApp()
    const world = buildRoundWorld(t2, { weights: [1] })
    const roundId = await openRoundVia(t2, world)
    const delegate = world.delegates[0]!.client
    expect((await delegate.post(`/api/positions/${world.positionId}/comments`, { body: 'Zu vage.', anchor: { versionNumber: 1, from: 13, to: 33 } })).status).toBe(201)
    const html = await (await delegate.get(`/positions/${world.positionId}`)).text()
    expect(html).toMatch(/<aside class="comments" id="comments"[^>]*data-version="1" data-can-write="true"/)
    expect(html).toContain('data-comment-text')
    expect(html).toContain('<script type="module" src="/assets/comments.js"')
    expect(html).not.toContain('/assets/editor.js')
    // The threads it loads are those on the version.
    const list = (await (await delegate.get(`/api/positions/${world.positionId}/comments?version=1`)).json()) as { comments: Array<{ quote: string }> }
    expect(list.comments.map((c) => c.quote)).toEqual(['bezahlbaren Wohnraum'])

    expect((await world.coordinator.post(`/api/rounds/${roundId}/cancel`, { reason: 'Falsche Fassung' })).status).toBe(200)
    const after = await (await delegate.get(`/positions/${world.positionId}`)).text()
    expect(after).not.toContain('data-version="1"')
    t2.close()
  })
})
