import { describe, expect, it } from 'vitest'
import { all } from '../../../db/query.ts'
import type { CommentsJson } from '../../../shared/comments/comment-json.ts'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

// "bezahlbaren Wohnraum" in the round world's draft, frozen as version 1 when the round opens.
const PASSAGE = { from: 13, to: 33 }

async function consentRound(options: Record<string, unknown> = {}) {
  const t = await testApp()
  const world = buildRoundWorld(t, { weights: [1, 1] })
  const roundId = await openRoundVia(t, world, options)
  return { t, world, roundId, delegate: world.delegates[0]!.client }
}

async function threads(t: TestApp, client: ReturnType<TestApp['client']['as']>, positionId: string): Promise<CommentsJson['comments']> {
  const res = await client.get(`/api/positions/${positionId}/comments?version=1`)
  expect(res.status).toBe(200)
  return ((await res.json()) as CommentsJson).comments
}

const ballots = (t: TestApp, roundId: string) => all(t.db, t.db.q.selectFrom('ballots').select(['choice', 'reason']).where('round_id', '=', roundId))

describe('an objection pointing at a passage, from the ballot', () => {
  it('attaches the reason as a thread on the frozen passage, which others can answer', async () => {
    const { t, world, roundId, delegate } = await consentRound()
    const res = await delegate.put(`/api/rounds/${roundId}/ballot`, { choice: 'objection', reason: 'Was heißt bezahlbar? Bitte eine Zahl.', passage: PASSAGE })
    expect(res.status, await res.clone().text()).toBe(200)
    const { threadId } = (await res.json()) as { threadId: string }
    expect(threadId).toEqual(expect.any(String))
    expect(ballots(t, roundId)).toEqual([{ choice: 'objection', reason: 'Was heißt bezahlbar? Bitte eine Zahl.' }])

    expect((await world.coordinator.post(`/api/comments/${threadId}/replies`, { body: 'Wir nehmen 30 % des Einkommens.' })).status).toBe(201)
    expect(await threads(t, world.coordinator, world.positionId)).toEqual([
      expect.objectContaining({
        id: threadId,
        body: 'Was heißt bezahlbar? Bitte eine Zahl.',
        quote: 'bezahlbaren Wohnraum',
        anchor: { versionNumber: 1, ...PASSAGE },
        ballotChoice: 'objection',
        author: expect.objectContaining({ id: world.delegates[0]!.personId }),
        replies: [expect.objectContaining({ body: 'Wir nehmen 30 % des Einkommens.' })],
      }),
    ])
    // A concern can point at a passage too; a plain comment carries no answer.
    const concern = await world.delegates[1]!.client.put(`/api/rounds/${roundId}/ballot`, { choice: 'concern', reason: 'Für alle?', passage: { from: 34, to: 42 } })
    expect(concern.status).toBe(200)
    const list = await threads(t, world.coordinator, world.positionId)
    expect(list.map((c) => [c.quote, c.ballotChoice])).toEqual([
      ['bezahlbaren Wohnraum', 'objection'],
      ['für alle', 'concern'],
    ])
    t.close()
  })

  it('refuses a passage with consent, outside the text, or in a secret round, and records no ballot then', async () => {
    const { t, roundId, delegate } = await consentRound()
    const consent = await delegate.put(`/api/rounds/${roundId}/ballot`, { choice: 'consent', passage: PASSAGE })
    expect(consent.status).toBe(400)
    expect(await consent.json()).toMatchObject({ error: { code: 'validation', field: 'passage', message: expect.stringContaining('Einwand oder ein Bedenken') } })
    const outside = await delegate.put(`/api/rounds/${roundId}/ballot`, { choice: 'objection', reason: 'Nein.', passage: { from: 5, to: 5000 } })
    expect(outside.status).toBe(400)
    expect(await outside.json()).toMatchObject({ error: { code: 'validation', field: 'passage', message: expect.stringContaining('nicht im Text') } })
    expect(ballots(t, roundId)).toEqual([])
    t.close()

    const secret = await consentRound({ secret: true })
    const refused = await secret.delegate.put(`/api/rounds/${secret.roundId}/ballot`, { choice: 'objection', reason: 'Nein.', passage: PASSAGE })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ error: { field: 'passage', message: expect.stringContaining('geheimen Runde') } })
    secret.t.close()
  })

  it('works from the ballot form on the round page, and a bad passage comes back with its message', async () => {
    const { t, world, roundId, delegate } = await consentRound()
    const page = await (await delegate.get(`/rounds/${roundId}`)).text()
    expect(page).toContain('data-ballot-passage')
    expect(page).toContain('Markierte Stelle übernehmen')

    const bad = await delegate.form(`/rounds/${roundId}/ballot`, { choice: 'objection', reason: 'Zu vage.', passageFrom: '13', passageTo: 'x', passageQuote: 'bezahlbaren Wohnraum' })
    expect(bad.status).toBe(400)
    const html = await bad.text()
    expect(html).toContain('Die gewählte Stelle liegt nicht im Text dieser Fassung')
    expect(html).toContain('href="#ballot-passage-take"')
    expect(ballots(t, roundId)).toEqual([])

    const ok = await delegate.form(`/rounds/${roundId}/ballot`, { choice: 'objection', reason: 'Zu vage.', passageFrom: '13', passageTo: '33', passageQuote: 'bezahlbaren Wohnraum' })
    expect(ok.status).toBe(303)
    expect((await threads(t, world.coordinator, world.positionId)).map((c) => [c.body, c.quote, c.ballotChoice])).toEqual([['Zu vage.', 'bezahlbaren Wohnraum', 'objection']])
    // Without a passage the ballot is a ballot as before.
    const plain = await world.delegates[1]!.client.form(`/rounds/${roundId}/ballot`, { choice: 'objection', reason: 'Auch zu vage.', passageFrom: '', passageTo: '' })
    expect(plain.status).toBe(303)
    expect(await threads(t, world.coordinator, world.positionId)).toHaveLength(1)
    t.close()
  })
})
