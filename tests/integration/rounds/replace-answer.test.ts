import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addToInitiative, buildPerson, sessionCookie } from '../../support/factories.ts'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp, type TestClient } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

interface MyBallots {
  myBallots: Array<{ choice: string | null; castBy: string | null; castById: string | null; castAt: string | null; ballotId: string | null }>
}

/** A round with one initiative that has two delegates: Anna (answers first) and Ben. */
async function twoDelegates() {
  const world = buildRoundWorld(t, { weights: [1, 1] })
  const id = await openRoundVia(t, world)
  const anna = world.delegates[0]!
  const ben = buildPerson(t.db, { name: 'Ben Kollege' })
  addToInitiative(t.db, anna.initiativeId, ben.id, 'delegate')
  const benClient: TestClient = t.client.as(sessionCookie(t.db, ben.id, t.clock.now()))
  return { world, id, anna, ben, benClient }
}

const choiceOf = (id: string, voter: string) =>
  (t.db.sqlite.prepare('select choice from ballots where round_id = ? and voter_key = ?').get(id, voter) as { choice: string }).choice

describe("replacing a colleague's answer", () => {
  it('shows who answered and when, and refuses to overwrite it unconfirmed (API: replace_unconfirmed)', async () => {
    const { id, anna, ben, benClient } = await twoDelegates()
    await anna.client.put(`/api/rounds/${id}/ballot`, { choice: 'objection', reason: 'Absatz 2 fehlt.' })
    const seen = (await (await benClient.get(`/api/rounds/${id}`)).json()) as MyBallots
    expect(seen.myBallots[0]).toMatchObject({ choice: 'objection', castById: anna.personId, castAt: new Date(t.clock.now()).toISOString() })
    expect(seen.myBallots[0]!.ballotId).toMatch(/^\d+$/)

    const refused = await benClient.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ error: { code: 'replace_unconfirmed' } })
    expect(choiceOf(id, anna.initiativeId)).toBe('objection')

    const ok = await benClient.put(`/api/rounds/${id}/ballot`, { choice: 'consent', replace: true, replaces: seen.myBallots[0]!.ballotId })
    expect(ok.status).toBe(200)
    expect(choiceOf(id, anna.initiativeId)).toBe('consent')
    // Ben may change his own answer without confirming anything.
    expect((await benClient.put(`/api/rounds/${id}/ballot`, { choice: 'stand_aside' })).status).toBe(200)
    void ben
  })

  it('refuses with ballot_changed when another delegate answered after the answer that was seen', async () => {
    const { id, anna, benClient } = await twoDelegates()
    const before = (await (await benClient.get(`/api/rounds/${id}`)).json()) as MyBallots
    expect(before.myBallots[0]!.ballotId).toBeNull()
    await anna.client.put(`/api/rounds/${id}/ballot`, { choice: 'objection', reason: 'Absatz 2 fehlt.' })
    // Ben saw no answer and confirms nothing: Anna's objection must not vanish unseen.
    const refused = await benClient.put(`/api/rounds/${id}/ballot`, { choice: 'consent', replaces: null, replace: true })
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ error: { code: 'ballot_changed' } })
    expect(choiceOf(id, anna.initiativeId)).toBe('objection')
  })

  it('in the form: names the colleague, asks for the box, and re-asks when an answer came in meanwhile', async () => {
    const { id, anna, benClient } = await twoDelegates()
    await anna.client.put(`/api/rounds/${id}/ballot`, { choice: 'objection', reason: 'Absatz 2 fehlt.' })
    const page = await (await benClient.get(`/rounds/${id}`)).text()
    const annaName = (t.db.sqlite.prepare('select name from people where id = ?').get(anna.personId) as { name: string }).name
    expect(page).toContain(`Einwand – abgegeben von ${annaName} am 21.11.2026, 11:00`)
    expect(page).toContain(`Ja, ich ersetze die Antwort von ${annaName}.`)
    const seen = /name="seen" value="([^"]*)"/.exec(page)![1]!

    const unconfirmed = await benClient.form(`/rounds/${id}/ballot`, { choice: 'consent', initiativeId: anna.initiativeId, seen })
    expect(unconfirmed.status).toBe(409)
    const again = await unconfirmed.text()
    expect(again).toContain('id="replace-error"')
    expect(again).toMatch(/id="choice-consent" name="choice" value="consent" checked/)
    expect(choiceOf(id, anna.initiativeId)).toBe('objection')

    // Anna changes her answer while Ben still has the old page open: his confirmation is for an answer that is gone.
    t.clock.advance(60_000)
    await anna.client.put(`/api/rounds/${id}/ballot`, { choice: 'concern', reason: 'Doch nur Bedenken.' })
    const stale = await benClient.form(`/rounds/${id}/ballot`, { choice: 'consent', initiativeId: anna.initiativeId, seen, replace: 'yes' })
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('Inzwischen hat jemand anderes für diese Initiative geantwortet')
    expect(choiceOf(id, anna.initiativeId)).toBe('concern')

    const fresh = /name="seen" value="([^"]*)"/.exec(await (await benClient.get(`/rounds/${id}`)).text())![1]!
    const ok = await benClient.form(`/rounds/${id}/ballot`, { choice: 'consent', initiativeId: anna.initiativeId, seen: fresh, replace: 'yes' })
    expect(ok.status).toBe(303)
    expect(choiceOf(id, anna.initiativeId)).toBe('consent')
  })
})
