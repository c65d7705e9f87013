import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AmendmentRoundJson } from '../../../shared/amendments/amendment-round-json.ts'
import { ALLE, buildAmendmentWorld, openAmendmentRoundVia, proposeAmendment, voteOnAmendments } from '../../support/amendment-round-world.ts'
import { pageText } from '../../support/page-text.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const names = (t: TestApp, ids: string[]) => ids.map((id) => (t.db.sqlite.prepare('select name from initiatives where id = ?').get(id) as { name: string }).name)

describe('who has not answered an amendment round yet', () => {
  it('is listed with the delegates in the API and on the page, with the nudge button for the coordinator, also in secret rounds, and gone once the round ended', async () => {
    const w = await buildAmendmentWorld(t, [1, 1, 1])
    const a1 = await proposeAmendment(w, ALLE, 'alle Menschen.')
    const id = await openAmendmentRoundVia(t, w, [a1], { secret: true })
    expect((await voteOnAmendments(w, 0, id, { [a1]: 'yes' })).status).toBe(200)

    const round = (await (await w.delegates[0]!.client.get(`/api/rounds/${id}`)).json()) as AmendmentRoundJson
    expect(round.notYetAnsweredCount).toBe(2)
    const missing = [w.delegates[1]!, w.delegates[2]!]
    expect(round.notYetAnswered!.map((v) => v.id).sort()).toEqual(missing.map((d) => d.initiativeId).sort())
    expect(round.notYetAnswered!.flatMap((v) => v.delegates.map((d) => d.id)).sort()).toEqual(missing.map((d) => d.personId).sort())

    const page = pageText(await (await w.coordinator.get(`/rounds/${id}`)).text())
    expect(page).toContain('Noch nicht geantwortet')
    for (const name of names(t, missing.map((d) => d.initiativeId))) expect(page).toContain(name)
    expect(page).toContain('Fehlende erinnern')
    const nudged = await w.coordinator.form(`/rounds/${id}/nudge`, {})
    expect(nudged.status).toBe(303)

    expect((await w.coordinator.post(`/api/rounds/${id}/close`)).status).toBe(200)
    const after = (await (await w.delegates[0]!.client.get(`/api/rounds/${id}`)).json()) as AmendmentRoundJson
    expect(after).toMatchObject({ notYetAnswered: null, notYetAnsweredCount: null })
  })
})
