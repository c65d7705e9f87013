import type { CpuFigures } from './proc-stats.ts'

export type RowStatus = 'ok' | 'invalid' | 'not run' | 'failed'

/** One measured case on one server. Every figure goes to latest.json; the table shows the main ones. */
export interface ResultRow {
  scenario: string
  /** The case within the scenario, e.g. "N=50". */
  case: string
  server: string
  status: RowStatus
  /** Why a row is invalid, not run or failed. */
  reason?: string
  metrics: Record<string, number | string | boolean | null>
  cpu?: CpuFigures
}

export function notRun(scenario: string, kase: string, server: string, reason: string): ResultRow {
  return { scenario, case: kase, server, status: 'not run', reason, metrics: {} }
}

export function failed(scenario: string, kase: string, server: string, error: unknown): ResultRow {
  const reason = error instanceof Error ? error.message : String(error)
  return { scenario, case: kase, server, status: 'failed', reason: reason.slice(0, 500), metrics: {} }
}

/** Above this, other processes took enough CPU during a window to disturb its figures. */
export const SHARED_MACHINE_CORES = 0.25

/** Marks a row invalid when the harness and the server together nearly filled the machine. */
export function judgeCpu(row: ResultRow, cpu: CpuFigures, cores: number): ResultRow {
  row.cpu = cpu
  row.metrics.serverCpuSeconds = cpu.serverCpuSeconds
  row.metrics.harnessCpuSeconds = cpu.harnessCpuSeconds
  row.metrics.serverSystemCpuSeconds = cpu.serverSystemCpuSeconds
  row.metrics.harnessSystemCpuSeconds = cpu.harnessSystemCpuSeconds
  row.metrics.coresUsed = cpu.coresUsed
  row.metrics.otherProcessesCores = cpu.otherCores
  row.metrics.harnessLoopDelayP99Ms = cpu.harnessLoopDelayP99Ms
  if (!cpu.valid && row.status === 'ok') {
    row.status = 'invalid'
    row.reason = `harness + server used ${cpu.coresUsed.toFixed(2)} of ${cores} cores: the load generator may have set the pace`
  } else if (cpu.otherCores > SHARED_MACHINE_CORES && row.status === 'ok') {
    row.reason = `machine shared: other processes used ${cpu.otherCores.toFixed(2)} cores meanwhile`
  }
  return row
}
