import type { ServerKind } from '../servers/sync-servers.ts'

/** What every scenario gets from run.ts. */
export interface RunContext {
  quick: boolean
  cores: number
  /** Sync servers to compare, in order (ours first). */
  servers: ServerKind[]
  /** node flags for our server (e.g. --cpu-prof), when profiling. */
  ourNodeArgs: string[]
  log(message: string): void
}
