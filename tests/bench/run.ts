// The benchmark: `npm run bench` (full), `npm run bench -- --quick` (smoke run, < 2 minutes),
// `--only a,c2` to pick scenarios, `--servers ours,hocuspocus` to pick sync servers,
// `--profile` to write V8 CPU profiles of our server to .tmp/bench/profiles, `--strict` to exit
// with 1 when a row failed (lost data, no convergence, crash) — never because of a timing;
// `--report-from <results.json>` rebuilds ratios and the Markdown tables without measuring;
// `--clients 50` keeps only those fan-out sizes of a, `--repeat 3` runs a's and f's cases that
// often, the servers taking turns (rows "N=50 @2/s run 2"; the FULL variant only without --repeat);
// `--warmup 10` runs a's load that many seconds before its measured window (default 0).
// Prints a table and writes tests/bench/results/latest.json (and latest.md).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { markdownReport, type Ratio } from './lib/report.ts'
import { failed, type ResultRow } from './lib/results.ts'
import { round } from './lib/stats.ts'
import { tiptapEditLog } from './load/tiptap-log.ts'
import { runFanout, fanoutCases } from './scenarios/a-fanout.ts'
import { manyDocsCase, runManyDocs } from './scenarios/b-many-docs.ts'
import { coldLoadEdits, runColdLoad } from './scenarios/c-cold-load.ts'
import { runDurability } from './scenarios/c2-durability.ts'
import type { RunContext } from './scenarios/context.ts'
import { runThroughput, throughputCase } from './scenarios/d-throughput.ts'
import { runVoting, votingCase } from './scenarios/e-voting.ts'
import { floodCase, runFlood } from './scenarios/g-flood.ts'
import { publicPageCase, runPublicPage } from './scenarios/f-public-page.ts'
import { REPO_ROOT } from './servers/child-process.ts'
import { buildOurServer } from './servers/built-server.ts'
import type { ServerKind } from './servers/sync-servers.ts'

const ALL_SCENARIOS = ['a', 'b', 'c', 'c2', 'd', 'e', 'f', 'g'] as const
type Scenario = (typeof ALL_SCENARIOS)[number]
const ALL_SERVERS: ServerKind[] = ['ours', 'hocuspocus', 'y-websocket']

interface Args {
  quick: boolean
  only: Scenario[]
  servers: ServerKind[]
  profile: boolean
  strict: boolean
  out: string
  /** Fan-out sizes of scenario a to run (all when empty). */
  clients: number[]
  /** How often scenario a's and f's cases run, servers taking turns. */
  repeat: number
  /** Seconds of a's load before its measured window. */
  warmupSeconds: number
  /** Rebuild ratios and latest.md from an existing results file instead of measuring. */
  reportFrom: string | null
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, only: [...ALL_SCENARIOS], servers: ALL_SERVERS, profile: false, strict: false, reportFrom: null, clients: [], repeat: 1, warmupSeconds: 0, out: join(REPO_ROOT, 'tests/bench/results/latest.json') }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const value = () => argv[++i] ?? ''
    if (a === '--quick') args.quick = true
    else if (a === '--profile') args.profile = true
    else if (a === '--strict') args.strict = true
    else if (a === '--only' || a.startsWith('--only=')) {
      const list = (a.includes('=') ? a.split('=')[1]! : value()).split(',').map((s) => s.trim())
      for (const s of list) if (!(ALL_SCENARIOS as readonly string[]).includes(s)) throw new Error(`unknown scenario ${s}; known: ${ALL_SCENARIOS.join(', ')}`)
      args.only = list as Scenario[]
    } else if (a === '--servers' || a.startsWith('--servers=')) {
      const list = (a.includes('=') ? a.split('=')[1]! : value()).split(',').map((s) => s.trim())
      for (const s of list) if (!(ALL_SERVERS as string[]).includes(s)) throw new Error(`unknown server ${s}; known: ${ALL_SERVERS.join(', ')}`)
      args.servers = list as ServerKind[]
    } else if (a === '--clients') {
      args.clients = value().split(',').map((n) => Number(n.trim()))
      if (args.clients.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('--clients takes fan-out sizes, e.g. 50 or 10,50')
    } else if (a === '--repeat') {
      args.repeat = Number(value())
      if (!Number.isInteger(args.repeat) || args.repeat < 1) throw new Error('--repeat takes a whole number ≥ 1')
    } else if (a === '--warmup') {
      args.warmupSeconds = Number(value())
      if (!Number.isFinite(args.warmupSeconds) || args.warmupSeconds < 0) throw new Error('--warmup takes seconds ≥ 0, e.g. 10')
    } else if (a === '--out') args.out = value()
    else if (a === '--report-from') args.reportFrom = value()
    else throw new Error(`unknown argument ${a}`)
  }
  return args
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return 'missing'
  }
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8')
  return {
    cores: cpus().length,
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverageAtStart: loadavg().map((x) => round(x, 2)),
  }
}

/** The figures compared between ours and each peer (ratio ours/peer; lower is better except where noted). */
const COMPARED = [
  'latencyP50Ms',
  'latencyP95Ms',
  'latencyP99Ms',
  'updatesPerSecond',
  'serverCpuSeconds',
  'serverCpuMsPerUpdate',
  'peakRssMiB',
  'rssLoadedMiB',
  'rssBeforeMiB',
  'startMs',
  'rssAfterLeaveMiB',
  'coldLoadCompactedMs',
  'coldReplyCompactedMs',
  'warmSyncMs',
  'warmReplyMs',
  'survivedMin',
] as const

function ratios(rows: ResultRow[]): Ratio[] {
  const out: Ratio[] = []
  // The default configuration of ours; in d its rate limit is lifted (it would close a flooding writer).
  const isOurs = (r: ResultRow) => r.server === 'ours' || r.server === 'ours (rate limit lifted)'
  for (const ours of rows.filter((r) => isOurs(r) && (r.status === 'ok' || r.status === 'invalid'))) {
    const peers = rows.filter((r) => r.scenario === ours.scenario && r.case === ours.case && !r.server.startsWith('ours') && (r.status === 'ok' || r.status === 'invalid'))
    for (const peer of peers) {
      for (const metric of COMPARED) {
        const a = ours.metrics[metric]
        const b = peer.metrics[metric]
        if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b) && b !== 0) {
          out.push({ scenario: ours.scenario, case: ours.case, peer: peer.server, peerStatus: peer.status, metric, ours: a, peerValue: b, ratio: a / b })
        }
      }
    }
  }
  return out
}

const fmt = (v: unknown, digits = 3): string => {
  if (v === null || v === undefined) return '–'
  if (typeof v === 'number') return Number.isFinite(v) ? String(round(v, digits)) : '–'
  return String(v)
}

/** The scenario-specific figures that do not fit the common columns. */
function extra(row: ResultRow): string {
  const m = row.metrics
  switch (row.scenario) {
    case 'a':
    case 'd':
      return `delivered ${fmt(m.delivered ?? m.editsRelayed)}/${fmt(m.expected ?? m.editsSent)}${m.converged === false ? ' NOT converged' : ''}`
    case 'b':
      return `started in ${fmt(m.startMs)} ms, RSS idle ${fmt(m.rssBeforeMiB)}, loaded ${fmt(m.rssLoadedMiB)} → after leave ${fmt(m.rssAfterLeaveMiB)} MiB`
    case 'c':
      return `synced from raw log ${fmt(m.coldLoadRawLogMs)} ms, compacted ${fmt(m.coldLoadCompactedMs)} ms, warm ${fmt(m.warmSyncMs)} ms (server reply ${fmt(m.coldReplyRawLogMs)} / ${fmt(m.coldReplyCompactedMs)} / ${fmt(m.warmReplyMs)} ms)`
    case 'c2':
      return `survived ${fmt(m.survived)} of ${fmt(m.edits)}`
    case 'e':
      return `lost ${fmt(m.ballotsLost)}, tally of ${fmt(m.tallyBallots)} in ${fmt(m.closeAndTallyMs)} ms`
    case 'f':
      return `${fmt(m.requestsPerSecond)} requests/s (${m.tool})${m.ofPlainNode == null ? '' : `, ${fmt(m.ofPlainNode)} × plain node:http`}, ${fmt(m.non2xx)} non-2xx`
    case 'g':
      return `RSS ${fmt(m.rssBeforeMiB)} → peak ${fmt(m.peakRssMiB)} MiB (target ${fmt(m.targetMiB)}), sent ${fmt(m.sentMiB)} MiB, db ${fmt(m.databaseMiB)} + WAL ${fmt(m.walMiB)} MiB, writers closed ${fmt(m.writersClosed)} (${fmt(m.writerCloseCodes)}), readers closed ${fmt(m.readersClosed)} (${fmt(m.readerCloseCodes)})`
    default:
      return ''
  }
}

function printTable(rows: ResultRow[]): void {
  const header = ['scen', 'case', 'server', 'status', 'p50 ms', 'p95 ms', 'p99 ms', 'per s', 'srv CPU s', 'peak RSS', 'other']
  const lines = rows.map((r) => [
    r.scenario,
    r.case,
    r.server,
    r.status,
    fmt(r.metrics.latencyP50Ms),
    fmt(r.metrics.latencyP95Ms),
    fmt(r.metrics.latencyP99Ms),
    fmt(r.metrics.updatesPerSecond ?? r.metrics.ballotsPerSecond ?? r.metrics.requestsPerSecond, 4),
    fmt(r.metrics.serverCpuSeconds),
    fmt(r.metrics.peakRssMiB),
    `${extra(r)}${r.reason ? ` [${r.reason}]` : ''}`,
  ])
  const widths = header.map((h, i) => Math.min(i === header.length - 1 ? 200 : 40, Math.max(h.length, ...lines.map((l) => l[i]!.length))))
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')
  console.log('\n' + line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const l of lines) console.log(line(l))
}

/** Writes the results file and its Markdown tables (ratios recomputed from the rows). */
function writeResults(out: string, result: { rows: ResultRow[]; ratios: Ratio[] } & Record<string, unknown>): void {
  result.ratios = ratios(result.rows)
  mkdirSync(join(out, '..'), { recursive: true })
  writeFileSync(out, JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' ? round(v, 4) : v), 2) + '\n')
  writeFileSync(out.replace(/\.json$/, '') + '.md', markdownReport(result.rows, result.ratios))
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  if (args.reportFrom) {
    const previous = JSON.parse(readFileSync(args.reportFrom, 'utf8')) as { rows: ResultRow[]; ratios: Ratio[] } & Record<string, unknown>
    writeResults(args.out, previous)
    printTable(previous.rows)
    console.log(`\nreport rebuilt from ${args.reportFrom} into ${args.out}`)
    return
  }
  // A client library throwing from a socket callback must not end a 20-minute run: the scenario
  // it belongs to fails on its own (timeouts, convergence), and the error is shown.
  process.on('uncaughtException', (error) => console.error('uncaught exception in the harness:', error))
  // y-websocket providers each add a process 'exit' listener; scenario b has 1,000 of them.
  process.setMaxListeners(0)
  const started = Date.now()
  await buildOurServer()
  const profileDir = join(REPO_ROOT, '.tmp/bench/profiles')
  if (args.profile) mkdirSync(profileDir, { recursive: true })
  const ctx: RunContext = {
    quick: args.quick,
    cores: cpus().length,
    servers: args.servers,
    ourNodeArgs: args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    log: (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`),
  }
  const info = machine()
  ctx.log(`bench ${args.quick ? '--quick ' : ''}on ${info.cores} × ${info.cpuModel}, Node ${info.node}, load average ${info.loadAverageAtStart.join(' ')}`)
  const rows: ResultRow[] = []
  const record = (row: ResultRow) => {
    rows.push(row)
    const m = row.metrics
    ctx.log(`${row.scenario} ${row.case} ${row.server}: ${row.status}${row.reason ? ` (${row.reason})` : ''} ${m.latencyP99Ms !== undefined ? `p99 ${fmt(m.latencyP99Ms)} ms ` : ''}${extra(row)}`)
  }
  const guarded = async (scenario: string, kase: string, server: string, fn: () => Promise<ResultRow | ResultRow[]>) => {
    try {
      const result = await fn()
      for (const row of Array.isArray(result) ? result : [result]) record(row)
    } catch (error) {
      record(failed(scenario, kase, server, error))
    }
  }

  for (const scenario of args.only) {
    if (scenario === 'a') {
      const cases = fanoutCases(args.quick, args.warmupSeconds * 1000).filter((c) => args.clients.length === 0 || args.clients.includes(c.clients))
      for (let run = 1; run <= args.repeat; run++) {
        const label = (row: ResultRow) => (args.repeat > 1 ? { ...row, case: `${row.case} run ${run}` } : row)
        for (const c of cases) {
          for (const kind of args.servers) await guarded('a', `N=${c.clients}`, kind, () => runFanout(kind, c, ctx).then(label))
          if (!args.quick && args.repeat === 1 && args.servers.includes('ours')) await guarded('a', `N=${c.clients}`, 'ours (FULL)', () => runFanout('ours', c, ctx, { synchronous: 'FULL' }))
        }
      }
    }
    if (scenario === 'b') {
      const c = manyDocsCase(args.quick)
      for (const kind of args.servers) await guarded('b', 'many docs', kind, () => runManyDocs(kind, c, ctx))
    }
    if (scenario === 'c') {
      const log = tiptapEditLog(coldLoadEdits(args.quick))
      for (const kind of args.servers) await guarded('c', 'cold load', kind, () => runColdLoad(kind, log, ctx))
    }
    if (scenario === 'c2') {
      for (const kind of args.servers) await guarded('c2', 'durability', kind, () => runDurability(kind, ctx, args.quick ? 1 : 3))
    }
    if (scenario === 'd') {
      const c = throughputCase(args.quick)
      for (const kind of args.servers) {
        await guarded('d', 'throughput', kind, () => runThroughput(kind, c, ctx))
        if (kind === 'ours') {
          if (!args.quick) await guarded('d', 'throughput', 'ours (FULL)', () => runThroughput('ours', c, ctx, { synchronous: 'FULL' }))
          await guarded('d', 'throughput', 'ours (persistence off)', () => runThroughput('ours', c, ctx, { persist: false }))
        }
      }
    }
    if (scenario === 'e' && args.servers.includes('ours')) await guarded('e', 'voting', 'ours', () => runVoting(votingCase(args.quick), ctx))
    if (scenario === 'f' && args.servers.includes('ours')) await guarded('f', 'public page', 'ours', () => runPublicPage(publicPageCase(args.quick), ctx, args.repeat))
    if (scenario === 'g' && args.servers.includes('ours')) await guarded('g', 'flood', 'ours', () => runFlood(floodCase(args.quick), ctx))
  }

  const result = {
    generatedAt: new Date().toISOString(),
    quick: args.quick,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { ...info, loadAverageAtEnd: loadavg().map((x) => round(x, 2)) },
    versions: {
      node: process.version,
      yjs: packageVersion('yjs'),
      ws: packageVersion('ws'),
      '@hocuspocus/server': packageVersion('@hocuspocus/server'),
      '@hocuspocus/provider': packageVersion('@hocuspocus/provider'),
      '@y/websocket-server': packageVersion('@y/websocket-server'),
      'y-websocket (client)': packageVersion('y-websocket'),
      'better-sqlite3': packageVersion('better-sqlite3'),
      autocannon: packageVersion('autocannon'),
    },
    rows,
    ratios: ratios(rows),
  }
  writeResults(args.out, result)
  printTable(rows)
  const invalid = rows.filter((r) => r.status === 'invalid').length
  const notRunRows = rows.filter((r) => r.status === 'not run' || r.status === 'failed')
  console.log(`\n${rows.length} rows, ${invalid} invalid (CPU-bound harness), ${notRunRows.length} not run or failed; ${result.durationSeconds} s; written to ${args.out}`)
  process.exit(args.strict && rows.some((r) => r.status === 'failed') ? 1 : 0)
}

await main()
