import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { pdfText } from '../../support/pdf-text.ts'
import { buildRoundWorld, openRoundVia, type RoundWorld } from '../../support/round-world.ts'
import { testApp, type TestApp, type TestClient } from '../../support/test-app.ts'

// In a secret vote by initiatives, an initiative whose weight nobody else has must not be
// identifiable from the published figures (issue 13.5; the rule: shared/rules/secret-disclosure.ts).
let t: TestApp
let spokesperson: TestClient

interface Closed {
  world: RoundWorld
  roundId: string
  slug: string
}

async function secretVote(weights: number[], choices: string[]): Promise<Closed> {
  const world = buildRoundWorld(t, { weights })
  const roundId = await openRoundVia(t, world, { kind: 'vote', majority: 'simple', secret: true, quorum: 0 })
  for (const [i, d] of world.delegates.entries()) {
    expect((await d.client.put(`/api/rounds/${roundId}/ballot`, { choice: choices[i] })).status).toBe(200)
  }
  const closed = await world.coordinator.post(`/api/rounds/${roundId}/close`)
  expect(closed.status).toBe(200)
  const { slug } = t.db.sqlite.prepare('select slug from positions where id = ?').get(world.positionId) as { slug: string }
  return { world, roundId, slug }
}

/** Every per-answer weight anywhere in a JSON value. */
function weightsIn(value: unknown): unknown[] {
  const found: unknown[] = []
  const walk = (v: unknown, inTally: boolean) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, inTally))
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (inTally && x && typeof x === 'object' && 'weight' in x) found.push((x as { weight: unknown }).weight)
        walk(x, k === 'tally')
      }
    }
  }
  walk(value, false)
  return found
}

let counts: Closed // weights 2,1,1,1,1: the weights would tell, the counts do not
let outcomeOnly: Closed // weights 3,1,1: even the counts would tell (1 yes, 2 no, adopted → the 3 said yes)

beforeAll(async () => {
  t = await testApp()
  const sp = buildPerson(t.db, { spokesperson: true })
  spokesperson = t.client.as(sessionCookie(t.db, sp.id, t.clock.now()))
  counts = await secretVote([2, 1, 1, 1, 1], ['yes', 'yes', 'yes', 'yes', 'no'])
  outcomeOnly = await secretVote([3, 1, 1], ['yes', 'no', 'no'])
})
afterAll(() => t.close())

describe('the result of a secret weighted vote', () => {
  it('the API shows ballots per answer but no weights when the weights would tell', async () => {
    const body = await (await counts.world.coordinator.get(`/api/rounds/${counts.roundId}`)).json()
    expect(body.result.outcome).toBe('adopted')
    expect(body.result.disclosure).toBe('counts')
    expect(body.result.tally).toEqual({ yes: { count: 4 }, no: { count: 1 }, abstain: { count: 0 } })
    expect(weightsIn(body)).toEqual([])
  })

  it('the API shows only the outcome when even the counts would tell', async () => {
    const body = await (await outcomeOnly.world.delegates[1]!.client.get(`/api/rounds/${outcomeOnly.roundId}`)).json()
    expect(body.result).toMatchObject({ outcome: 'adopted', disclosure: 'outcome', tally: null, participation: { count: 3, weight: 5 } })
    const history = await (await outcomeOnly.world.coordinator.get(`/api/positions/${outcomeOnly.world.positionId}/rounds`)).json()
    expect(history.rounds[0].result).toMatchObject({ disclosure: 'outcome', tally: null })
    // Closing again answers the stored result, cut down the same way.
    const again = await (await outcomeOnly.world.coordinator.post(`/api/rounds/${outcomeOnly.roundId}/close`)).json()
    expect(again.result).toMatchObject({ disclosure: 'outcome', tally: null })
  })

  it('the round page shows no weights (no bar), and says why', async () => {
    const html = await (await counts.world.coordinator.get(`/rounds/${counts.roundId}`)).text()
    expect(html).not.toContain('class="result-bar"')
    expect(html).not.toContain('nach Stimmgewicht')
    expect(html).toContain('Die Stimmgewichte je Antwort werden nicht gezeigt')
    const only = await (await outcomeOnly.world.coordinator.get(`/rounds/${outcomeOnly.roundId}`)).text()
    expect(only).toContain('Mit einfacher Mehrheit beschlossen')
    // Who answered is not secret: the sentence still counts them.
    expect(only).toMatch(/beschlossen am [^<]*\. Beteiligung: 3 von 8 Initiativen/)
    expect(only).not.toContain('1 Ja')
    expect(only).not.toContain('class="result-bar"')
    expect(only).toContain('Die Zahlen je Antwort werden nicht gezeigt')
  })

  it('the position page’s round history tells no more', async () => {
    const html = await (await outcomeOnly.world.coordinator.get(`/positions/${outcomeOnly.world.positionId}`)).text()
    expect(html).toContain('Mit einfacher Mehrheit beschlossen')
    expect(html).not.toMatch(/\d+ Ja, \d+ Nein/)
  })

  it('publishing keeps it that way: public API, page, feed and PDF', async () => {
    for (const c of [counts, outcomeOnly]) {
      expect((await spokesperson.post(`/api/positions/${c.world.positionId}/publish`, {})).status).toBe(200)
    }
    const api = await (await t.client.get(`/api/public/positions/${counts.slug}`)).json()
    expect(api.result.tally).toEqual({ yes: { count: 4 }, no: { count: 1 }, abstain: { count: 0 } })
    expect(weightsIn(api)).toEqual([])
    const apiOnly = await (await t.client.get(`/api/public/positions/${outcomeOnly.slug}`)).json()
    expect(apiOnly.result).toMatchObject({ disclosure: 'outcome', tally: {} })
    expect(apiOnly.result.text.de).not.toMatch(/Ja|Nein/)
    expect(apiOnly.result.text.de).toContain('Mit einfacher Mehrheit beschlossen')

    const page = await (await t.client.get(`/p/${counts.slug}`)).text()
    expect(page).toContain('4 Ja, 1 Nein')
    expect(page).not.toContain('nach Stimmgewicht')
    const feed = await (await t.client.get('/feed.atom')).text()
    expect(feed).not.toContain('nach Stimmgewicht')
    expect(feed).not.toContain('1 Ja, 2 Nein')
    const pdf = pdfText(Buffer.from(await (await t.client.get(`/p/${outcomeOnly.slug}.pdf`)).arrayBuffer()))
    expect(pdf).toContain('Mit einfacher Mehrheit beschlossen')
    expect(pdf).not.toMatch(/\d+ Ja/)
  })

  it('an open vote keeps showing everything, weights included', async () => {
    const world = buildRoundWorld(t, { weights: [3, 1, 1] })
    const roundId = await openRoundVia(t, world, { kind: 'vote', majority: 'simple', secret: false })
    for (const [i, d] of world.delegates.entries()) await d.client.put(`/api/rounds/${roundId}/ballot`, { choice: ['yes', 'no', 'no'][i] })
    const { result } = await (await world.coordinator.post(`/api/rounds/${roundId}/close`)).json()
    expect(result.disclosure).toBe('full')
    expect(result.tally.yes).toEqual({ count: 1, weight: 3 })
  })
})

describe('the open-round form', () => {
  it('warns that secrecy is limited when initiatives have different weights', async () => {
    const html = await (await counts.world.coordinator.get(`/positions/${counts.world.positionId}/rounds/new`)).text()
    expect(html).toContain('unterschiedliche Stimmgewichte (1, 2, 3)')
    expect(html).toMatch(/aria-describedby="[^"]*open-secret-weights"/)
  })
})
