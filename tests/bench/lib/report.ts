import type { ResultRow } from './results.ts'
import { round } from './stats.ts'

export interface Ratio {
  scenario: string
  case: string
  peer: string
  /** 'invalid' when the peer's row was CPU-bound on the harness side: its figures are a bound, not a measurement. */
  peerStatus: string
  metric: string
  ours: number
  peerValue: number
  ratio: number
}

const f = (v: unknown, digits = 3): string => {
  if (v === null || v === undefined) return '–'
  if (typeof v === 'number') return Number.isFinite(v) ? String(round(v, digits)) : '–'
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  return String(v)
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

const status = (r: ResultRow) => (r.status === 'ok' ? (r.reason ? `ok (${r.reason})` : 'ok') : `**${r.status}**${r.reason ? `: ${r.reason}` : ''}`)

/** The latest results as Markdown tables, one per scenario, for docs/BENCHMARKS.md. */
export function markdownReport(rows: ResultRow[], ratios: Ratio[]): string {
  const of = (s: string) => rows.filter((r) => r.scenario === s)
  const parts: string[] = []
  const a = of('a')
  if (a.length) {
    parts.push('### a. Fan-out on one document\n')
    parts.push(
      table(
        ['case', 'server', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'edits/s', 'server CPU s', 'harness CPU s', 'peak RSS MiB', 'delivered', 'status'],
        a.map((r) => {
          const m = r.metrics
          return [r.case, r.server, f(m.startMs), f(m.latencyP50Ms), f(m.latencyP95Ms), f(m.latencyP99Ms), f(m.latencyMaxMs), f(m.updatesPerSecond, 4), f(m.serverCpuSeconds), f(m.harnessCpuSeconds), f(m.peakRssMiB), `${f(m.delivered)}/${f(m.expected)}`, status(r)]
        }),
      ),
    )
  }
  const b = of('b')
  if (b.length) {
    parts.push('\n### b. Many documents\n')
    parts.push(
      table(
        ['case', 'server', 'start ms', 'p50 ms', 'p99 ms', 'edits/s', 'server CPU s', 'RSS idle MiB', 'RSS loaded MiB', 'RSS after leave MiB', 'peak RSS MiB', 'connect s', 'status'],
        b.map((r) => {
          const m = r.metrics
          return [r.case, r.server, f(m.latencyP50Ms), f(m.latencyP99Ms), f(m.updatesPerSecond, 4), f(m.serverCpuSeconds), f(m.rssBeforeMiB), f(m.rssLoadedMiB), f(m.rssAfterLeaveMiB), f(m.peakRssMiB), f(m.connectSeconds), status(r)]
        }),
      ),
    )
  }
  const c = of('c')
  if (c.length) {
    parts.push('\n### c. Cold load\n')
    parts.push(
      table(
        ['case', 'server', 'from raw log ms', 'compacted ms', 'warm (loaded) ms', 'server reply: raw log / compacted / warm ms', 'log rows after compaction', 'peak RSS MiB', 'status'],
        c.map((r) => {
          const m = r.metrics
          return [r.case, r.server, f(m.coldLoadRawLogMs), f(m.coldLoadCompactedMs), f(m.warmSyncMs), `${f(m.coldReplyRawLogMs)} / ${f(m.coldReplyCompactedMs)} / ${f(m.warmReplyMs)}`, f(m.logRowsAfterCompaction), f(m.peakRssMiB), status(r)]
        }),
      ),
    )
  }
  const c2 = of('c2')
  if (c2.length) {
    parts.push('\n### c2. Durability (SIGKILL right after another client received the last edit)\n')
    parts.push(
      table(
        ['case', 'server', 'survived (worst round)', 'per round', 'kill after last send ms', 'status'],
        c2.map((r) => [r.case, r.server, `${f(r.metrics.survivedMin)} of ${f(r.metrics.edits)}`, f(r.metrics.survived), f(r.metrics.killAfterLastSendMs), status(r)]),
      ),
    )
  }
  const d = of('d')
  if (d.length) {
    parts.push('\n### d. Cost of durability (20 writers flat out on one document)\n')
    parts.push(
      table(
        ['case', 'server', 'updates/s', 'server CPU s', 'server CPU ms per update', 'harness CPU s', 'peak RSS MiB', 'relayed/sent', 'status'],
        d.map((r) => {
          const m = r.metrics
          return [r.case, r.server, f(m.updatesPerSecond, 4), f(m.serverCpuSeconds), f(m.serverCpuMsPerUpdate), f(m.harnessCpuSeconds), f(m.peakRssMiB), r.status === 'not run' ? '–' : `${f(m.editsRelayed)}/${f(m.editsSent)}`, status(r)]
        }),
      ),
    )
  }
  const e = of('e')
  if (e.length) {
    parts.push('\n### e. Voting (ours only)\n')
    parts.push(
      table(
        ['case', 'ballots/s', 'p50 ms', 'p95 ms', 'p99 ms', 'lost', 'open round ms', 'filling the tally round, ballots/s', 'close + tally ms', 'server CPU s', 'status'],
        e.map((r) => {
          const m = r.metrics
          return [r.case, f(m.ballotsPerSecond, 4), f(m.latencyP50Ms), f(m.latencyP95Ms), f(m.latencyP99Ms), f(m.ballotsLost), f(m.openRoundMs), f(m.tallyFillBallotsPerSecond, 4), f(m.closeAndTallyMs), f(m.serverCpuSeconds), status(r)]
        }),
      ),
    )
  }
  const p = of('f')
  if (p.length) {
    parts.push('\n### f. Public page (ours, and plain node:http serving the same bytes)\n')
    parts.push(
      table(
        ['case', 'server', 'tool', 'requests/s', '× plain node', 'p50 ms', 'p99 ms', 'non-2xx', 'page bytes', 'server CPU s', 'harness CPU s', 'status'],
        p.map((r) => {
          const m = r.metrics
          return [r.case, r.server, String(m.tool ?? ''), f(m.requestsPerSecond, 4), f(m.ofPlainNode), f(m.latencyP50Ms), f(m.latencyP99Ms), f(m.non2xx), f(m.pageBytes), f(m.serverCpuSeconds), f(m.harnessCpuSeconds), status(r)]
        }),
      ),
    )
  }
  if (ratios.length) {
    parts.push('\n### Ratios ours / peer\n')
    parts.push('Below 1 is better for ours, except updates/s and survived (above 1 is better).\n')
    parts.push(
      table(
        ['scenario', 'case', 'peer', 'figure', 'ours', 'peer', 'ours/peer'],
        ratios.map((x) => [x.scenario, x.case, x.peerStatus === 'ok' ? x.peer : `${x.peer} (${x.peerStatus})`, x.metric, f(x.ours), f(x.peerValue), f(x.ratio, 2)]),
      ),
    )
  }
  return parts.join('\n') + '\n'
}
