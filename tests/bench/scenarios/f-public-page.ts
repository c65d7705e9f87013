import autocannon from 'autocannon'
import { transaction } from '../../../db/query.ts'
import { addToGroup, addToInitiative, buildGroup, buildInitiative, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { CpuWindow } from '../lib/proc-stats.ts'
import { failed, judgeCpu, type ResultRow } from '../lib/results.ts'
import { DRAFT_TEXT, OurServer, seedDraft } from '../servers/our-server.ts'
import type { RunContext } from './context.ts'

export interface PublicPageCase {
  connections: number
  durationSeconds: number
}

export function publicPageCase(quick: boolean): PublicPageCase {
  return quick ? { connections: 50, durationSeconds: 2 } : { connections: 50, durationSeconds: 15 }
}

interface Seeded {
  coordinator: string
  spokesperson: string
  delegates: string[]
  positionId: string
}

function seedPublishing(db: Parameters<typeof buildPerson>[0]): Seeded {
  return transaction(db, () => {
    const now = Date.now()
    const group = buildGroup(db, { name: 'Arbeitsgruppe Wohnen' })
    const coordinator = buildPerson(db, { name: 'Koordination' })
    addToGroup(db, group.id, coordinator.id, true)
    const spokesperson = buildPerson(db, { name: 'Sprecherin', spokesperson: true })
    const delegates: string[] = []
    for (let i = 0; i < 5; i++) {
      const initiative = buildInitiative(db, { name: `Initiative ${i + 1}` })
      const delegate = buildPerson(db, { name: `Delegierte ${i + 1}` })
      addToInitiative(db, initiative.id, delegate.id, 'delegate')
      delegates.push(sessionCookie(db, delegate.id, now))
    }
    const positionId = buildPosition(db, { groupId: group.id, createdBy: coordinator.id, title: 'Sprachkurse für alle ab dem ersten Tag' }).id
    seedDraft(db, positionId, DRAFT_TEXT)
    return { coordinator: sessionCookie(db, coordinator.id, now), spokesperson: sessionCookie(db, spokesperson.id, now), delegates, positionId }
  })
}

/**
 * Scenario f: a position goes the whole way over the API (round opened, five initiatives vote
 * yes, round closed as adopted, published), then autocannon requests its public page with 50
 * concurrent keep-alive connections, as anonymous visitors do.
 */
export async function runPublicPage(c: PublicPageCase, ctx: RunContext): Promise<ResultRow> {
  const kase = `${c.connections} connections`
  let server: OurServer | null = null
  try {
    const started = await OurServer.start(seedPublishing, ctx.ourNodeArgs)
    server = started.server
    const s = started.seeded
    const round = await server.api<{ id: string }>('POST', `/api/positions/${s.positionId}/rounds`, s.coordinator, {
      kind: 'vote',
      electorate: 'initiatives',
      quorum: 0.5,
      secret: false,
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
      shortNotice: { reason: 'benchmark' },
    })
    for (const delegate of s.delegates) await server.api('PUT', `/api/rounds/${round.id}/ballot`, delegate, { choice: 'yes' })
    const closed = await server.api<{ result: { outcome: string } }>('POST', `/api/rounds/${round.id}/close`, s.coordinator)
    if (closed.result.outcome !== 'adopted') throw new Error(`round closed as ${closed.result.outcome}`)
    const published = await server.api<{ slug: string }>('POST', `/api/positions/${s.positionId}/publish`, s.spokesperson, { summary: 'Benchmark' })
    const url = `${server.origin}/p/${published.slug}`
    const page = await fetch(url)
    const html = await page.text()
    if (page.status !== 200 || !html.includes(DRAFT_TEXT[0]!.slice(0, 30))) throw new Error(`public page answered ${page.status} without the adopted text`)
    await autocannon({ url, connections: c.connections, duration: 1 }) // warm-up: JIT, caches
    const window = new CpuWindow(server.pid)
    const result = await autocannon({ url, connections: c.connections, duration: c.durationSeconds })
    const cpu = window.finish(ctx.cores)
    const ok = result.non2xx === 0 && result.errors === 0
    const row: ResultRow = {
      scenario: 'f',
      case: kase,
      server: 'ours',
      status: ok ? 'ok' : 'failed',
      metrics: {
        connections: c.connections,
        requests: result['2xx'] + result.non2xx,
        requestsPerSecond: (result['2xx'] + result.non2xx) / result.duration,
        latencyP50Ms: result.latency.p50,
        latencyP99Ms: result.latency.p99,
        latencyMaxMs: result.latency.max,
        non2xx: result.non2xx,
        errors: result.errors,
        pageBytes: Buffer.byteLength(html),
        peakRssMiB: server.memory()?.peakRssMiB ?? null,
      },
    }
    if (!ok) row.reason = `${result.non2xx} non-2xx answers, ${result.errors} errors`
    return judgeCpu(row, cpu, ctx.cores)
  } catch (error) {
    return failed('f', kase, 'ours', error)
  } finally {
    await server?.stop()
  }
}
