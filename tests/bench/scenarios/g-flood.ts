import { statSync } from 'node:fs'
import * as Y from 'yjs'
import { processMemory } from '../lib/proc-stats.ts'
import { failed, type ResultRow } from '../lib/results.ts'
import { sleep } from '../lib/stats.ts'
import { FRAGMENT } from '../load/edits.ts'
import { FrameEncoder } from '../load/frames.ts'
import { RawClient } from '../load/raw-client.ts'
import { SyncServer } from '../servers/sync-servers.ts'
import type { RunContext } from './context.ts'

export interface FloodCase {
  writers: number
  /** Readers that read everything; `stalledReaders` of them stop reading after connecting. */
  readers: number
  stalledReaders: number
  /** Characters each update inserts. */
  chunkChars: number
  /** Updates per second each writer sends: under the server's message budget (200/s), so the rate limit alone does not end the flood. */
  updatesPerSecond: number
  durationMs: number
  /** The peak RSS this scenario must stay under (issue 13: at most 300 MiB). */
  targetMiB: number
}

export function floodCase(quick: boolean): FloodCase {
  const base = { writers: 5, readers: 3, stalledReaders: 1, chunkChars: 4096, updatesPerSecond: 150, targetMiB: 300 }
  return quick ? { ...base, durationMs: 5_000 } : { ...base, durationMs: 20_000 }
}

/**
 * Updates of one writer: `count` paragraphs of `chunkChars` characters appended to the draft (V1,
 * framed). A paragraph each rather than one growing text: appending to a long Y.XmlText walks it
 * every time, which made pre-encoding quadratic (49 s per writer).
 */
function floodUpdates(frames: FrameEncoder, clientId: number, count: number, chunkChars: number): Uint8Array[] {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(frames.update(update)))
  const fragment = doc.getXmlFragment(FRAGMENT)
  const chunk = 'Flut '.repeat(Math.ceil(chunkChars / 5)).slice(0, chunkChars)
  for (let i = 0; i < count; i++) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(chunk)])
    fragment.insert(fragment.length, [paragraph])
  }
  doc.destroy()
  return updates
}

/**
 * Scenario g (issue 13, point 4): an attack on memory. Five writers of the group append large
 * chunks to one draft at the highest message rate the server lets through, for a bounded time;
 * three readers follow, one of which stops reading (a stalled phone). Records the server's
 * peak RSS (VmHWM) and what was stored. Our server only: the peers have no limits to test.
 */
export async function runFlood(c: FloodCase, ctx: RunContext): Promise<ResultRow> {
  const kase = `${c.writers} writers × ${c.chunkChars} chars × ${c.updatesPerSecond}/s, ${c.durationMs / 1000} s`
  const server = await SyncServer.start('ours', { documents: 1, people: c.writers + c.readers + 1, nodeArgs: ctx.ourNodeArgs })
  const docName = server.docNames[0]!
  const frames = new FrameEncoder(server.wire, docName)
  const readers: RawClient[] = []
  const writers: RawClient[] = []
  try {
    for (let r = 0; r < c.readers; r++) {
      const reader = new RawClient(server.endpoint(docName, c.writers + r), frames)
      await reader.connect()
      readers.push(reader)
    }
    for (const reader of readers.slice(0, c.stalledReaders)) reader.stopReading()
    const count = Math.ceil((c.durationMs / 1000) * c.updatesPerSecond) + 1
    const updates: Uint8Array[][] = []
    for (let w = 0; w < c.writers; w++) {
      updates.push(floodUpdates(frames, 50_000 + w, count, c.chunkChars))
      const writer = new RawClient(server.endpoint(docName, w), frames)
      await writer.connect()
      writers.push(writer)
    }
    await sleep(300)
    const rssBefore = server.memory()?.rssMiB ?? null
    let sent = 0
    let sentBytes = 0
    const t0 = performance.now()
    const perTick = c.updatesPerSecond / 100
    // 100 ticks per second on an absolute schedule: a late tick sends what it owes at once.
    await new Promise<void>((resolve) => {
      let tick = 0
      const next = () => {
        tick++
        const due = Math.min(count, Math.floor(tick * perTick))
        for (let w = 0; w < writers.length; w++) {
          const writer = writers[w]!
          const own = updates[w]!
          for (let k = sentOf[w]!; k < due && writer.open; k++) {
            writer.send(own[k]!)
            sentOf[w] = k + 1
            sent++
            sentBytes += own[k]!.byteLength
          }
        }
        const elapsed = performance.now() - t0
        if (elapsed >= c.durationMs || writers.every((w) => !w.open)) return resolve()
        setTimeout(next, Math.max(0, t0 + tick * 10 - performance.now()))
      }
      const sentOf = writers.map(() => 0)
      next()
    })
    const floodSeconds = (performance.now() - t0) / 1000
    // Give the server a moment to drain what it has read, then take the figures.
    await sleep(1000)
    const memory = server.memory()
    const alive = memory !== null
    const closed = writers.map((w) => w.closedEarly).filter((x) => x !== null)
    const readerClosed = readers.map((r) => r.closedEarly).filter((x) => x !== null)
    let walMiB: number | null = null
    let dbMiB: number | null = null
    try {
      dbMiB = statSync(server.databaseFile).size / 2 ** 20
      walMiB = statSync(`${server.databaseFile}-wal`).size / 2 ** 20
    } catch {
      // not there (yet)
    }
    const peak = memory?.peakRssMiB ?? processMemory(server.pid)?.peakRssMiB ?? null
    const row: ResultRow = {
      scenario: 'g',
      case: kase,
      server: server.label,
      status: alive ? 'ok' : 'failed',
      metrics: {
        writers: c.writers,
        readers: c.readers,
        stalledReaders: c.stalledReaders,
        floodSeconds,
        updatesSent: sent,
        sentMiB: sentBytes / 2 ** 20,
        rssBeforeMiB: rssBefore,
        peakRssMiB: peak,
        rssAfterMiB: memory?.rssMiB ?? null,
        targetMiB: c.targetMiB,
        withinTarget: peak !== null && peak <= c.targetMiB,
        databaseMiB: dbMiB,
        walMiB,
        writersClosed: closed.length,
        writerCloseCodes: [...new Set(closed.map((x) => x!.code))].join(',') || null,
        readersClosed: readerClosed.length,
        readerCloseCodes: [...new Set(readerClosed.map((x) => x!.code))].join(',') || null,
        relayedToReader: readers[c.stalledReaders]?.receivedUpdates ?? null,
      },
    }
    if (!alive) row.reason = 'the server process is gone'
    else if (peak !== null && peak > c.targetMiB) row.reason = `peak RSS ${peak.toFixed(0)} MiB over the target of ${c.targetMiB} MiB`
    return row
  } catch (error) {
    return failed('g', kase, server.label, error)
  } finally {
    await Promise.all([...readers, ...writers].map((x) => x.close()))
    await server.stop()
  }
}
