import { Agent, request } from 'node:http'
import { closeDatabase, openDatabase } from '../../../db/connection.ts'
import { all, first, transaction } from '../../../db/query.ts'
import type { Db } from '../../../db/connection.ts'
import { newId } from '../../../db/ids.ts'
import { generateSessionToken, hashSecret } from '../../../server/auth/session-token.ts'
import { addToGroup, buildGroup, buildInitiative, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { CpuWindow } from '../lib/proc-stats.ts'
import { failed, judgeCpu, type ResultRow } from '../lib/results.ts'
import { summarize } from '../lib/stats.ts'
import { inBatches } from '../load/schedule.ts'
import { DRAFT_TEXT, OurServer, seedDraft } from '../servers/our-server.ts'
import type { RunContext } from './context.ts'

export interface VotingCase {
  /** Voters casting concurrently, each on its own keep-alive connection. */
  voters: number
  ballotsPerVoter: number
  /** Ballots in the round whose close and tally is timed (one per voter). */
  tallyBallots: number
  /** Connections used to fill the tally round. */
  tallyConnections: number
  initiatives: number
}

export function votingCase(quick: boolean): VotingCase {
  return quick
    ? { voters: 100, ballotsPerVoter: 3, tallyBallots: 1000, tallyConnections: 50, initiatives: 20 }
    : { voters: 1000, ballotsPerVoter: 20, tallyBallots: 100_000, tallyConnections: 100, initiatives: 100 }
}

const CHOICES = ['yes', 'no', 'abstain'] as const

interface Seeded {
  coordinator: string
  voters: Array<{ cookie: string; personId: string }>
  positions: string[]
}

function seedVoting(c: VotingCase) {
  return (db: Db): Seeded =>
    transaction(db, () => {
      const group = buildGroup(db, { name: 'Arbeitsgruppe Abstimmung' })
      const coordinatorPerson = buildPerson(db, { name: 'Koordination', email: 'koordination@example.org' })
      addToGroup(db, group.id, coordinatorPerson.id, true)
      const now = Date.now()
      const initiatives = Array.from({ length: c.initiatives }, (_, i) => buildInitiative(db, { name: `Initiative ${i + 1}` }).id)
      const voters = bulkMembers(db, initiatives, Math.max(c.voters, c.tallyBallots), now)
      const positions = [1, 2].map((n) => {
        const id = buildPosition(db, { groupId: group.id, createdBy: coordinatorPerson.id, title: `Abstimmung ${n}` }).id
        seedDraft(db, id, DRAFT_TEXT)
        return id
      })
      return { coordinator: sessionCookie(db, coordinatorPerson.id, now), voters, positions }
    })
}

/**
 * Up to 100,000 members with sessions: the test factories compile a Kysely query per row, which
 * takes minutes at this size, so this writes the same rows through three prepared statements.
 */
function bulkMembers(db: Db, initiatives: string[], count: number, now: number): Seeded['voters'] {
  const person = db.sqlite.prepare(
    'insert into people (id, email, name, password_hash, locale, is_admin, is_spokesperson, disabled, created_at, updated_at) values (?, ?, ?, null, null, 0, 0, 0, ?, ?)',
  )
  const membership = db.sqlite.prepare("insert into initiative_memberships (initiative_id, person_id, role, created_at) values (?, ?, 'member', ?)")
  const session = db.sqlite.prepare('insert into sessions (id, person_id, secret_hash, created_at, last_verified_at) values (?, ?, ?, ?, ?)')
  const voters: Seeded['voters'] = []
  for (let i = 0; i < count; i++) {
    const personId = newId()
    person.run(personId, `mitglied-${i + 1}@example.org`, `Mitglied ${i + 1}`, now, now)
    membership.run(initiatives[i % initiatives.length]!, personId, now)
    const token = generateSessionToken()
    session.run(token.id, personId, hashSecret(token.secret), now, now)
    voters.push({ cookie: `sprachrohr_session=${token.token}`, personId })
  }
  return voters
}

/** A GET over a keep-alive agent; resolves with the status. */
function getJson(agent: Agent, origin: string, path: string, cookie: string): Promise<number> {
  const url = new URL(path, origin)
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'GET', headers: { cookie, accept: 'application/json' } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** One PUT of a ballot over a keep-alive agent; resolves with the status. */
function putBallot(agent: Agent, origin: string, roundId: string, cookie: string, choice: string): Promise<number> {
  const body = JSON.stringify({ choice })
  const url = new URL(`/api/rounds/${roundId}/ballot`, origin)
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'PUT', headers: { origin, cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * Scenario e: `voters` people each cast `ballotsPerVoter` ballots in a row (changing their
 * answer) on their own keep-alive connection, all at once. Lost ballots: answers the server
 * acknowledged that are not in the ballot history, or a current answer that is not the voter's
 * last acknowledged one. Then a second round gets `tallyBallots` ballots and its close is timed.
 */
export async function runVoting(c: VotingCase, ctx: RunContext): Promise<ResultRow> {
  const kase = `${c.voters} voters, tally of ${c.tallyBallots.toLocaleString('en')}`
  let server: OurServer | null = null
  try {
    const seedStart = performance.now()
    const started = await OurServer.start(seedVoting(c), ctx.ourNodeArgs)
    server = started.server
    const seeded = started.seeded
    ctx.log(`e: seeded ${seeded.voters.length} voters in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`)
    const closesAt = new Date(Date.now() + 3600_000).toISOString()
    const open = (positionId: string) =>
      server!.api<{ id: string }>('POST', `/api/positions/${positionId}/rounds`, seeded.coordinator, { kind: 'vote', electorate: 'members', quorum: 0, secret: false, closesAt, shortNotice: { reason: 'benchmark' } })
    let t = performance.now()
    const roundA = await open(seeded.positions[0]!)
    const openRoundMs = performance.now() - t

    // Phase 1: many voters at once, each on its own keep-alive connection, casting back to back.
    // Each voter first loads the round (as the ballot page does), untimed: that opens the
    // connections, so 1,000 simultaneous TCP handshakes (beyond the listen backlog, SYNs are
    // retried after 1, 3, 7… s) do not end up in the ballot latencies.
    const agents = seeded.voters.slice(0, c.voters).map(() => new Agent({ keepAlive: true, maxSockets: 1 }))
    await inBatches(seeded.voters.slice(0, c.voters), 50, async ({ cookie }, v) => {
      const status = await getJson(agents[v]!, server!.origin, `/api/rounds/${roundA.id}`, cookie)
      if (status !== 200) throw new Error(`voter ${v} could not load the round: HTTP ${status}`)
    })
    const latencies: number[] = []
    // By person id: how many of their ballots were acknowledged, and the last acknowledged answer.
    const acked = new Map<string, { count: number; last: string }>()
    let errors = 0
    let refused = 0
    const window = new CpuWindow(server.pid)
    t = performance.now()
    await Promise.all(
      seeded.voters.slice(0, c.voters).map(async ({ cookie, personId }, v) => {
        const agent = agents[v]!
        const mine = { count: 0, last: '' }
        acked.set(personId, mine)
        for (let k = 0; k < c.ballotsPerVoter; k++) {
          const choice = CHOICES[(v + k) % CHOICES.length]!
          const sent = performance.now()
          try {
            const status = await putBallot(agent, server!.origin, roundA.id, cookie, choice)
            latencies.push(performance.now() - sent)
            if (status === 200) {
              mine.count++
              mine.last = choice
            } else refused++
          } catch {
            errors++
          }
        }
        agent.destroy()
      }),
    )
    const seconds = (performance.now() - t) / 1000
    const cpu = window.finish(ctx.cores)
    const totalAcked = [...acked.values()].reduce((sum, a) => sum + a.count, 0)

    // Every acknowledged ballot must be in the history, and each voter's current answer the last one.
    const db = openDatabase(server.databaseFile)
    let inHistory = 0
    let wrongCurrent = 0
    try {
      inHistory = Number(first(db, db.q.selectFrom('ballot_history').select((eb) => eb.fn.countAll<number>().as('n')).where('round_id', '=', roundA.id))?.n ?? 0)
      const rows = all(db, db.q.selectFrom('ballots').select(['cast_by', 'choice']).where('round_id', '=', roundA.id))
      const current = new Map(rows.map((r) => [r.cast_by, r.choice as string]))
      for (const [personId, a] of acked) {
        if (a.count > 0 && current.get(personId) !== a.last) wrongCurrent++
      }
    } finally {
      closeDatabase(db)
    }
    const lost = Math.max(0, totalAcked - inHistory) + wrongCurrent

    // Phase 2: fill a second round with one ballot per voter, then time its close and tally.
    const roundB = await open(seeded.positions[1]!)
    const shared = new Agent({ keepAlive: true, maxSockets: c.tallyConnections })
    let tallyAcked = 0
    t = performance.now()
    await inBatches(seeded.voters.slice(0, c.tallyBallots), c.tallyConnections, async ({ cookie }, i) => {
      const status = await putBallot(shared, server!.origin, roundB.id, cookie, CHOICES[i % 2]!)
      if (status === 200) tallyAcked++
    })
    const fillSeconds = (performance.now() - t) / 1000
    shared.destroy()
    t = performance.now()
    const closed = await server.api<{ result: { participation: { count: number }; outcome: string } }>('POST', `/api/rounds/${roundB.id}/close`, seeded.coordinator)
    const closeAndTallyMs = performance.now() - t

    const ok = lost === 0 && errors === 0 && refused === 0 && closed.result.participation.count === tallyAcked
    const latency = summarize(latencies)
    const row: ResultRow = {
      scenario: 'e',
      case: kase,
      server: 'ours',
      status: ok ? 'ok' : 'failed',
      metrics: {
        voters: c.voters,
        ballotsSent: c.voters * c.ballotsPerVoter,
        ballotsAcknowledged: totalAcked,
        ballotsRefused: refused,
        requestErrors: errors,
        ballotsLost: lost,
        ballotsPerSecond: totalAcked / seconds,
        latencyP50Ms: latency.p50,
        latencyP95Ms: latency.p95,
        latencyP99Ms: latency.p99,
        openRoundMs,
        tallyBallots: tallyAcked,
        tallyFillBallotsPerSecond: tallyAcked / fillSeconds,
        closeAndTallyMs,
        tallyParticipation: closed.result.participation.count,
        peakRssMiB: server.memory()?.peakRssMiB ?? null,
      },
    }
    if (!ok) row.reason = `lost ${lost}, refused ${refused}, errors ${errors}, tally counted ${closed.result.participation.count} of ${tallyAcked}`
    return judgeCpu(row, cpu, ctx.cores)
  } catch (error) {
    return failed('e', kase, 'ours', error)
  } finally {
    await server?.stop()
  }
}
