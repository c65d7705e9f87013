import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { transaction } from '../../../db/query.ts'
import { addToGroup, addToInitiative, buildGroup, buildInitiative, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { httpLoad, type HttpLoadResult } from '../lib/http-load.ts'
import { CpuWindow } from '../lib/proc-stats.ts'
import { failed, judgeCpu, type ResultRow } from '../lib/results.ts'
import { freePort, readyLine, REPO_ROOT, RunningChild } from '../servers/child-process.ts'
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
 * yes, round closed as adopted, published), then its public page is requested with 50
 * concurrent keep-alive connections, as anonymous visitors do (wrk where installed, else
 * autocannon: lib/http-load.ts). Plain node:http serving the same bytes from memory
 * (peers/plain-node-server.ts) is the ceiling on this machine: both servers run side by side
 * and take turns under the same load, `repeat` times, so a busy moment of the machine falls on
 * both alike; each of our rows carries its ratio to the plain-node run right after it.
 */
export async function runPublicPage(c: PublicPageCase, ctx: RunContext, repeat = 1): Promise<ResultRow[]> {
  const kase = `${c.connections} connections`
  let server: OurServer | null = null
  let plain: PlainNode | null = null
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
    plain = await PlainNode.start(html)
    await httpLoad(url, c.connections, 1) // warm-up: JIT, caches
    await httpLoad(plain.url, c.connections, 1)
    const rows: ResultRow[] = []
    for (let run = 1; run <= repeat; run++) {
      const label = repeat > 1 ? `${kase} run ${run}` : kase
      const window = new CpuWindow(server.pid)
      const result = await httpLoad(url, c.connections, c.durationSeconds)
      const cpu = window.finish(ctx.cores)
      const plainResult = await httpLoad(plain.url, c.connections, c.durationSeconds)
      const ok = result.non2xx === 0 && result.errors === 0
      const row: ResultRow = {
        scenario: 'f',
        case: label,
        server: 'ours',
        status: ok ? 'ok' : 'failed',
        metrics: {
          ...loadMetrics(result, c, html),
          peakRssMiB: server.memory()?.peakRssMiB ?? null,
          plainNodeRequestsPerSecond: plainResult.requestsPerSecond,
          ofPlainNode: plainResult.requestsPerSecond > 0 ? result.requestsPerSecond / plainResult.requestsPerSecond : null,
        },
      }
      if (!ok) row.reason = `${result.non2xx} non-2xx answers, ${result.errors} errors`
      rows.push(judgeCpu(row, cpu, ctx.cores), {
        scenario: 'f',
        case: label,
        server: 'plain node:http',
        status: plainResult.non2xx === 0 && plainResult.errors === 0 ? 'ok' : 'failed',
        metrics: loadMetrics(plainResult, c, html),
      })
    }
    return rows
  } catch (error) {
    return [failed('f', kase, 'ours', error)]
  } finally {
    await server?.stop()
    await plain?.stop()
  }
}

function loadMetrics(result: HttpLoadResult, c: PublicPageCase, html: string): ResultRow['metrics'] {
  return {
    tool: result.tool,
    connections: c.connections,
    requests: result.requests,
    requestsPerSecond: result.requestsPerSecond,
    latencyP50Ms: result.latencyP50Ms,
    latencyP99Ms: result.latencyP99Ms,
    non2xx: result.non2xx,
    errors: result.errors,
    pageBytes: Buffer.byteLength(html),
  }
}

/** Plain node:http answering every request with the same page bytes from memory. */
class PlainNode {
  private constructor(
    readonly url: string,
    private readonly child: RunningChild,
    private readonly dir: string,
  ) {}

  static async start(html: string): Promise<PlainNode> {
    const dir = mkdtempSync(join(tmpdir(), 'sprachrohr-bench-plain-'))
    const bodyFile = join(dir, 'page.html')
    writeFileSync(bodyFile, html)
    const port = await freePort()
    try {
      const child = await RunningChild.start({
        script: join(REPO_ROOT, 'tests/bench/peers/plain-node-server.ts'),
        env: { PORT: String(port), BODY_FILE: bodyFile },
        logFile: join(dir, 'server.log'),
        ready: readyLine(/ready \d+/),
      })
      return new PlainNode(`http://127.0.0.1:${port}/p/page`, child, dir)
    } catch (error) {
      rmSync(dir, { recursive: true, force: true })
      throw error
    }
  }

  async stop(): Promise<void> {
    await this.child.stop()
    rmSync(this.dir, { recursive: true, force: true })
  }
}
