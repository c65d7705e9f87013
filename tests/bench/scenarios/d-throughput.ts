import { CpuWindow } from '../lib/proc-stats.ts'
import { failed, judgeCpu, notRun, type ResultRow } from '../lib/results.ts'
import { sleep, waitFor } from '../lib/stats.ts'
import { DocLoad } from '../load/doc-load.ts'
import { FrameEncoder } from '../load/frames.ts'
import { EditLedger } from '../load/ledger.ts'
import { RawClient } from '../load/raw-client.ts'
import { ourPersistenceSwitch, SyncServer, type OursVariant, type ServerKind } from '../servers/sync-servers.ts'
import type { RunContext } from './context.ts'

export interface ThroughputCase {
  writers: number
  editsPerWriter: number
  /** Measuring stops here even if not everything was relayed. */
  timeLimitMs: number
}

export function throughputCase(quick: boolean): ThroughputCase {
  return quick ? { writers: 20, editsPerWriter: 100, timeLimitMs: 4000 } : { writers: 20, editsPerWriter: 2500, timeLimitMs: 30_000 }
}

/**
 * Scenario d: 20 raw writers on one document send pre-encoded edits (and caret moves) as fast as
 * the server reads them; a raw listener counts relayed update frames without decoding them.
 * updates/s = edits relayed to the listener / time from the first send to the last arrival.
 */
export async function runThroughput(kind: ServerKind, c: ThroughputCase, ctx: RunContext, variant?: OursVariant): Promise<ResultRow> {
  const kase = `${c.writers} writers flat out`
  if (variant?.persist === false && !ourPersistenceSwitch) {
    return notRun('d', kase, 'ours (persistence off)', 'the sync endpoint has no switch to turn persistence off (needs e.g. SYNC_PERSIST=off, for benchmarks only)')
  }
  // Our server limits each connection to 200 messages/s; a flood would be closed at once.
  const effective: OursVariant | undefined = kind === 'ours' ? { ...variant, unthrottled: true } : undefined
  const server = await SyncServer.start(kind, {
    documents: 1,
    people: c.writers + 3,
    ...(effective ? { variant: effective } : {}),
    ...(kind === 'ours' ? { nodeArgs: ctx.ourNodeArgs } : {}),
  })
  const ledger = new EditLedger()
  const docName = server.docNames[0]!
  const load = new DocLoad({ server, docName, clients: c.writers + 1, observers: 1, editsPerClient: c.editsPerWriter, ledger, firstClient: 0, clientIdBase: 10_000 })
  const listener = new RawClient(server.endpoint(docName, c.writers + 1), new FrameEncoder(server.wire, docName))
  try {
    await load.connect()
    await load.dropObservers()
    await listener.connect()
    await sleep(300)
    const total = c.writers * c.editsPerWriter
    const window = new CpuWindow(server.pid)
    const t0 = performance.now()
    let lastArrival = t0
    let seen = 0
    const tick = setInterval(() => {
      if (listener.receivedUpdates !== seen) {
        seen = listener.receivedUpdates
        lastArrival = performance.now()
      }
    }, 5)
    const flooding = Promise.all(load.writers.map((w) => w.flood()))
    const complete = await waitFor(() => listener.receivedUpdates >= total, c.timeLimitMs, 5)
    clearInterval(tick)
    if (listener.receivedUpdates !== seen) lastArrival = performance.now()
    const cpu = window.finish(ctx.cores)
    const relayed = listener.receivedUpdates
    const seconds = ((complete ? lastArrival : performance.now()) - t0) / 1000
    await Promise.race([flooding, sleep(c.timeLimitMs)])
    const closed = load.writers.find((w) => w.client.closedEarly)?.client.closedEarly
    // Let the backlog drain before comparing a fresh client with what was sent.
    await waitFor(() => listener.receivedUpdates >= ledger.totalSent(), 60_000, 50)
    const convergence = await load.verify(c.writers + 2)
    const row: ResultRow = {
      scenario: 'd',
      case: kase,
      server: server.label,
      status: convergence.converged && !closed ? 'ok' : 'failed',
      metrics: {
        writers: c.writers,
        editsSent: ledger.totalSent(),
        editsRelayed: relayed,
        updatesPerSecond: relayed / seconds,
        // Servers finish at different times: CPU per relayed edit compares their work.
        serverCpuMsPerUpdate: (cpu.serverCpuSeconds * 1000) / Math.max(1, relayed),
        completed: complete,
        converged: convergence.converged,
        peakRssMiB: server.memory()?.peakRssMiB ?? null,
      },
    }
    if (closed) row.reason = `a writer was closed by the server: ${closed.code} ${closed.reason}`
    else if (!convergence.converged) row.reason = convergence.detail ?? 'did not converge'
    else if (!complete) row.reason = `time limit: ${relayed} of ${total} edits relayed within ${c.timeLimitMs / 1000} s (rate over that time)`
    return judgeCpu(row, cpu, ctx.cores)
  } catch (error) {
    return failed('d', kase, server.label, error)
  } finally {
    await listener.close()
    await load.close()
    await server.stop()
  }
}
