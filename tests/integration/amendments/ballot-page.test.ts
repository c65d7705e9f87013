import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRoundWorld, DAY, openRoundVia, type RoundWorld } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp

beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const TEXT = 'Wir fordern bezahlbaren Wohnraum für alle.'

/** Four initiatives weighing 3, 1, 1, 1, version 1, Ä1 and Ä2 in an open amendment round. */
async function world(extra: Record<string, unknown> = {}): Promise<{ w: RoundWorld; roundId: string; a1: string; a2: string }> {
  t.db.sqlite.prepare('update initiatives set active = 0').run()
  const w = buildRoundWorld(t, { weights: [3, 1, 1, 1], draft: [TEXT] })
  expect((await w.coordinator.post(`/api/positions/${w.positionId}/versions`, {})).status).toBe(201)
  const propose = async (from: number, to: number, text: string) => {
    const res = await w.delegates[1]!.client.post(`/api/positions/${w.positionId}/amendments`, { versionNumber: 1, from, to, text, reason: 'Besser so.' })
    expect(res.status).toBe(201)
    return ((await res.json()) as { id: string }).id
  }
  const a1 = await propose(13, 24, 'guten')
  const a2 = await propose(38, 43, 'alle Menschen.')
  const res = await w.coordinator.post(`/api/positions/${w.positionId}/rounds`, { kind: 'amendments', amendmentIds: [a1, a2], quorum: 0.5, closesAt: new Date(t.clock.now() + 7 * DAY).toISOString(), ...extra })
  expect(res.status).toBe(201)
  return { w, roundId: ((await res.json()) as { id: string }).id, a1, a2 }
}

describe('the ballot page of an amendment round', () => {
  it('asks yes / no / abstain per amendment shown as Ä1, Ä2 with its inline diff, and saves the answers without JavaScript', async () => {
    const { w, roundId, a1, a2 } = await world()
    const html = await (await w.delegates[0]!.client.get(`/rounds/${roundId}`)).text()
    expect(html).toContain('Abstimmung über Änderungsanträge')
    expect(html).toMatch(/<legend>Ä1<\/legend>/)
    expect(html).toMatch(/<legend>Ä2<\/legend>/)
    expect(html).toMatch(/<del[^>]*>bezahlbaren<\/del> <ins[^>]*>guten<\/ins>/)
    expect(html).toContain(`name="choice-${a1}" value="abstain"`)

    const saved = await w.delegates[0]!.client.post(`/rounds/${roundId}/amendment-ballot`, form({ [`choice-${a1}`]: 'yes', [`choice-${a2}`]: 'no' }), FORM)
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`/rounds/${roundId}?saved=1#ballot-heading`)
    const again = await (await w.delegates[0]!.client.get(`/rounds/${roundId}?saved=1`)).text()
    expect(again).toContain('Deine Antworten sind gespeichert.')
    // The page shows the answers given, to change them.
    expect(again).toMatch(new RegExp(`name="choice-${a1}" value="yes" checked`))
    expect(again).toMatch(new RegExp(`name="choice-${a2}" value="no" checked`))
    const round = (await (await w.coordinator.get(`/api/rounds/${roundId}`)).json()) as { answered: number }
    expect(round.answered).toBe(1)
  })

  it('refuses a ballot missing an answer with the error summary, keeping what was chosen', async () => {
    const { w, roundId, a1, a2 } = await world()
    const refused = await w.delegates[1]!.client.post(`/rounds/${roundId}/amendment-ballot`, form({ [`choice-${a1}`]: 'no' }), FORM)
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain('Bitte gib zu jedem Änderungsantrag der Runde eine Antwort')
    expect(html).toMatch(/<title>Fehler \(1\)/)
    expect(html).toContain('href="#ballot0-choices"')
    expect(html).toContain('id="ballot0-choices"')
    expect(html).toMatch(new RegExp(`name="choice-${a1}" value="no" checked`))
    expect(html).not.toMatch(new RegExp(`name="choice-${a2}" value="[a-z]+" checked`))
    // A value that is no answer is refused the same way, never a 500.
    expect((await w.delegates[1]!.client.post(`/rounds/${roundId}/amendment-ballot`, form({ [`choice-${a1}`]: 'vielleicht', [`choice-${a2}`]: 'no' }), FORM)).status).toBe(400)
    const round = (await (await w.coordinator.get(`/api/rounds/${roundId}`)).json()) as { answered: number }
    expect(round.answered).toBe(0)
  })

  it('shows the closed round’s result per amendment, and a late ballot is refused on the page', async () => {
    const { w, roundId, a1, a2 } = await world()
    for (const [i, c1, c2] of [
      [0, 'yes', 'no'],
      [1, 'no', 'yes'],
      [2, 'no', 'yes'],
    ] as const) {
      expect((await w.delegates[i]!.client.post(`/rounds/${roundId}/amendment-ballot`, form({ [`choice-${a1}`]: c1, [`choice-${a2}`]: c2 }), FORM)).status).toBe(303)
    }
    // Only the coordinator closes it.
    expect((await w.delegates[0]!.client.post(`/rounds/${roundId}/amendment-close`, '', FORM)).status).toBe(403)
    expect((await w.coordinator.get(`/rounds/${roundId}`).then((r) => r.text()))).toContain('Runde jetzt schließen')
    const closed = await w.coordinator.post(`/rounds/${roundId}/amendment-close`, '', FORM)
    expect(closed.status).toBe(303)
    const html = await (await w.delegates[3]!.client.get(`/rounds/${roundId}`)).text()
    expect(html).toContain('Ergebnis je Änderungsantrag')
    expect(html).not.toContain('Antworten abgeben')
    expect(html).toMatch(/Ä1 · <span class="status">eingearbeitet<\/span>[\s\S]*<strong>angenommen<\/strong> · Ja 3, Nein 2, Enthaltung 0 · Beteiligung: Stimmgewicht 5 von 6/)
    expect(html).toMatch(/Ä2 · <span class="status">nicht angenommen<\/span>[\s\S]*<strong>nicht angenommen<\/strong> · Ja 2, Nein 3/)
    const late = await w.delegates[3]!.client.post(`/rounds/${roundId}/amendment-ballot`, form({ [`choice-${a1}`]: 'yes', [`choice-${a2}`]: 'yes' }), FORM)
    expect(late.status).toBe(409)
    expect(await late.text()).toContain('Ergebnis je Änderungsantrag')
  })

  it('a secret round takes the answers once and then says they are given', async () => {
    const { w, roundId, a1, a2 } = await world({ secret: true })
    expect((await w.delegates[0]!.client.post(`/rounds/${roundId}/amendment-ballot`, form({ [`choice-${a1}`]: 'yes', [`choice-${a2}`]: 'yes' }), FORM)).status).toBe(303)
    const html = await (await w.delegates[0]!.client.get(`/rounds/${roundId}`)).text()
    expect(html).toContain('In einer geheimen Runde lässt sich die Antwort nicht mehr ändern.')
    expect(html).not.toContain('Antworten abgeben')
  })

  it('other rounds keep their own page at the same address', async () => {
    const { w } = await world()
    const consent = await openRoundVia(t, w)
    const html = await (await w.delegates[0]!.client.get(`/rounds/${consent}`)).text()
    expect(html).toContain('Zustimmung mit Bedenken')
    expect(html).not.toContain('Abstimmung über Änderungsanträge')
    expect((await w.coordinator.get('/rounds/no-such-round')).status).toBe(404)
  })
})
