import { CpuWindow } from '../lib/proc-stats.ts'
import { failed, judgeCpu, type ResultRow } from '../lib/results.ts'
import { rng, sleep, summarize } from '../lib/stats.ts'
import { DocLoad } from '../load/doc-load.ts'
import { EditLedger } from '../load/ledger.ts'
import { inBatches, scheduleClients } from '../load/schedule.ts'
import { SyncServer, type ServerKind } from '../servers/sync-servers.ts'
import type { RunContext } from './context.ts'

export interface ManyDocsCase {
  documents: number
  intervalMs: number
  durationMs: number
  /** How long to watch the server's memory after every client left. */
  leaveWatchMs: number
  /** Documents checked with a freshly connecting client (all are checked through their observer). */
  verifySample: number
}

export function manyDocsCase(quick: boolean): ManyDocsCase {
  return quick
    ? { documents: 50, intervalMs: 1000, durationMs: 2000, leaveWatchMs: 2000, verifySample: 3 }
    : { documents: 1000, intervalMs: 5000, durationMs: 20_000, leaveWatchMs: 40_000, verifySample: 25 }
}

/**
 * Scenario b: many documents with two clients each (one full observer, one raw writer), light
 * edits. Reports CPU and memory with everything loaded, and memory after all clients left: a
 * server that unloads idle documents gives memory back (V8 returns it to the OS only partly).
 */
export async function runManyDocs(kind: ServerKind, c: ManyDocsCase, ctx: RunContext): Promise<ResultRow> {
  const kase = `${c.documents} docs × 2 clients`
  const server = await SyncServer.start(kind, { documents: c.documents, people: c.documents * 2 + 1, ...(kind === 'ours' ? { nodeArgs: ctx.ourNodeArgs } : {}) })
  const ledger = new EditLedger()
  const edits = Math.ceil(c.durationMs / c.intervalMs) + 2
  const loads = server.docNames.map(
    (docName, d) => new DocLoad({ server, docName, clients: 2, observers: 1, editsPerClient: edits, ledger, firstClient: d * 2, clientIdBase: 10_000 + d * 4 }),
  )
  try {
    const rssBefore = server.memory()?.rssMiB ?? null
    const t0 = performance.now()
    await inBatches(loads, 16, (load) => load.connect(4))
    const connectSeconds = (performance.now() - t0) / 1000
    await sleep(500)
    const window = new CpuWindow(server.pid)
    const start = performance.now()
    await scheduleClients(loads.length * 2, c.intervalMs, c.durationMs, rng(7), (client) => loads[client >> 1]!.edit(client & 1))
    const seconds = (performance.now() - start) / 1000
    const cpu = window.finish(ctx.cores)
    const drained = (await Promise.all(loads.map((load) => load.drain(10_000)))).every(Boolean)
    for (const load of loads) load.stopRecording()
    const loaded = server.memory()
    const sample = loads.filter((_, d) => d % Math.max(1, Math.floor(loads.length / c.verifySample)) === 0).slice(0, c.verifySample)
    const checks = await Promise.all(sample.map((load, i) => load.verify(i)))
    let delivered = 0
    let expected = 0
    for (const load of loads) {
      for (const x of load.observers) delivered += x.recorder.delivered
    }
    expected = ledger.totalSent() - loads.reduce((sum, load) => sum + load.observers.reduce((s, x) => s + x.editsSent, 0), 0)
    const latency = summarize(loads.flatMap((load) => load.latencies()))
    await Promise.all(loads.map((load) => load.close()))
    // Watch memory after the last client left: documents should be unloaded.
    const leaveStart = performance.now()
    let rssAfter = server.memory()?.rssMiB ?? null
    while (performance.now() - leaveStart < c.leaveWatchMs) {
      await sleep(1000)
      rssAfter = server.memory()?.rssMiB ?? rssAfter
    }
    const converged = checks.every((check) => check.converged) && drained && delivered === expected
    const row: ResultRow = {
      scenario: 'b',
      case: kase,
      server: server.label,
      status: converged ? 'ok' : 'failed',
      metrics: {
        documents: c.documents,
        connections: c.documents * 2,
        connectSeconds,
        latencyP50Ms: latency.p50,
        latencyP95Ms: latency.p95,
        latencyP99Ms: latency.p99,
        updatesPerSecond: ledger.totalSent() / seconds,
        delivered,
        expected,
        converged,
        startMs: server.startMs,
        rssBeforeMiB: rssBefore,
        rssLoadedMiB: loaded?.rssMiB ?? null,
        peakRssMiB: server.memory()?.peakRssMiB ?? null,
        rssAfterLeaveMiB: rssAfter,
        leaveWatchSeconds: c.leaveWatchMs / 1000,
      },
    }
    if (!converged) row.reason = checks.find((check) => !check.converged)?.detail ?? `observers got ${delivered} of ${expected} edits`
    return judgeCpu(row, cpu, ctx.cores)
  } catch (error) {
    await Promise.all(loads.map((load) => load.close()))
    return failed('b', kase, server.label, error)
  } finally {
    await server.stop()
  }
}
