import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

// /proc/<pid>/stat counts CPU time in clock ticks; Linux reports USER_HZ = 100 to user space
// on every architecture we run on (getconf CLK_TCK), so ticks / 100 = seconds.
const TICKS_PER_SECOND = 100

/** CPU seconds (user + system) a process has used so far; null once it is gone. */
export function processCpuSeconds(pid: number): number | null {
  const times = processCpuTimes(pid)
  return times ? times.user + times.system : null
}

/** User and system (kernel: mostly socket I/O here) CPU seconds of a process. */
export function processCpuTimes(pid: number): { user: number; system: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may contain spaces; fields after the closing parenthesis are fixed.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { user: Number(rest[11]) / TICKS_PER_SECOND, system: Number(rest[12]) / TICKS_PER_SECOND }
  } catch {
    return null
  }
}

export interface MemoryFigures {
  /** Resident set size now, MiB. */
  rssMiB: number
  /** Peak resident set size over the process's life (VmHWM), MiB. */
  peakRssMiB: number
}

export function processMemory(pid: number): MemoryFigures | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
    return { rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 }
  } catch {
    return null
  }
}

/** CPU seconds all processes of the machine used so far (busy time of /proc/stat's cpu line). */
export function machineCpuSeconds(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number)
    return (user! + nice! + system! + irq! + softirq! + steal!) / TICKS_PER_SECOND
  } catch {
    return NaN
  }
}

/** The harness's own CPU seconds (user + system) so far. */
export function harnessCpuSeconds(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1e6
}

/**
 * Measures CPU of the harness and of one server process over a window. A run is invalid when
 * both together used close to the machine's cores: then the load generator, not the server,
 * may have set the pace.
 */
export class CpuWindow {
  private readonly t0 = performance.now()
  private readonly harness0 = harnessCpuSeconds()
  private readonly server0: number
  private readonly serverSystem0: number
  private readonly harness0Times = process.cpuUsage()
  private readonly machine0 = machineCpuSeconds()
  // A harness whose event loop lags sends late and timestamps arrivals late: report it.
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 10 })

  constructor(private readonly serverPid: number) {
    const times = processCpuTimes(serverPid)
    this.server0 = times ? times.user + times.system : 0
    this.serverSystem0 = times?.system ?? 0
    this.loopDelay.enable()
  }

  finish(cores: number, limitFraction = 0.9): CpuFigures {
    const wallSeconds = (performance.now() - this.t0) / 1000
    const harnessSeconds = harnessCpuSeconds() - this.harness0
    const serverSeconds = (processCpuSeconds(this.serverPid) ?? this.server0) - this.server0
    const coresUsed = (harnessSeconds + serverSeconds) / wallSeconds
    const machineCores = (machineCpuSeconds() - this.machine0) / wallSeconds
    this.loopDelay.disable()
    const harnessTimes = process.cpuUsage(this.harness0Times)
    return {
      serverSystemCpuSeconds: (processCpuTimes(this.serverPid)?.system ?? this.serverSystem0) - this.serverSystem0,
      harnessSystemCpuSeconds: harnessTimes.system / 1e6,
      harnessLoopDelayP99Ms: this.loopDelay.percentile(99) / 1e6,
      machineCores,
      otherCores: Math.max(0, machineCores - coresUsed),
      wallSeconds,
      serverCpuSeconds: serverSeconds,
      harnessCpuSeconds: harnessSeconds,
      serverCores: serverSeconds / wallSeconds,
      harnessCores: harnessSeconds / wallSeconds,
      coresUsed,
      valid: coresUsed <= cores * limitFraction,
    }
  }
}

export interface CpuFigures {
  /** The part of serverCpuSeconds spent in the kernel (socket reads and writes, fsync). */
  serverSystemCpuSeconds: number
  harnessSystemCpuSeconds: number
  /** How late the harness's event loop ran timers (p99): high values mean late sends and late timestamps. */
  harnessLoopDelayP99Ms: number
  /** Cores busy on the whole machine during the window. */
  machineCores: number
  /** Cores other processes (not harness, not server) took: the machine was not ours alone. */
  otherCores: number
  wallSeconds: number
  serverCpuSeconds: number
  harnessCpuSeconds: number
  serverCores: number
  harnessCores: number
  coresUsed: number
  valid: boolean
}
