import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { writeDraft } from '../../support/drafts.ts'
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
    expect(html).toContain('<label for="comment-new-body">Ihr Kommentar</label>')
  })

  it('tells a reader without a group or initiative who can comment, without a form', async () => {
    const p = buildPosition(t.db, { groupId })
    const html = await (await as({ inGroup: false }).get(`/positions/${p.id}`)).text()
    expect(html).toContain('data-can-write="false"')
    expect(html).not.toContain('comment-new-body')
    expect(html).toContain('Kommentieren können die Mitglieder der Arbeitsgruppe und der Initiativen des Bündnisses.')
  })
})
