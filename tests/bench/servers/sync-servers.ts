import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { processMemory, type MemoryFigures } from '../lib/proc-stats.ts'
import type { WireFormat } from '../load/frames.ts'
import type { ObserverEndpoint } from '../load/observer.ts'
import type { Endpoint } from '../load/raw-client.ts'
import { freePort, httpAnswers, readyLine, REPO_ROOT, RunningChild } from './child-process.ts'
import { OUR_MAIN, OUR_MAIN_UNTHROTTLED } from './built-server.ts'
import { seedSync } from './seed-ours.ts'

export type ServerKind = 'ours' | 'hocuspocus' | 'y-websocket'

/** A variant of our server: SQLite's synchronous mode, and whether the sync endpoint persists at all. */
export interface OursVariant {
  synchronous?: 'NORMAL' | 'FULL'
  /** false: persistence off, for scenario d only (needs a switch in the server, see ourPersistenceSwitch). */
  persist?: boolean
  /** Lift the per-connection message rate limit (scenario d floods; see lift-rate-limit.ts). */
  unthrottled?: boolean
}

export interface SyncServerOptions {
  /** Documents the run uses (our server needs positions to exist). */
  documents: number
  /** Distinct people connecting (our server: one session each; connections are capped per person). */
  people: number
  variant?: OursVariant
  /** Extra node flags for the server process (e.g. --cpu-prof). */
  nodeArgs?: string[]
  /** Runs after seeding and before the first launch (e.g. to store a document). */
  beforeStart?: (server: SyncServer) => void | Promise<void>
}

/**
 * The environment variable our server reads to turn sync persistence off (server/config.ts:
 * benchmarks only, it loses edits on a crash). Scenario d compares it with persistence on.
 */
export const ourPersistenceSwitch: { name: string; off: string } | null = { name: 'SYNC_PERSIST', off: 'off' }

export const SERVER_LABELS: Record<ServerKind, string> = {
  ours: 'ours',
  hocuspocus: 'hocuspocus 3.4.4',
  'y-websocket': 'y-websocket-server 0.1.1',
}

/** One sync server under test, started on fresh data in a child process on loopback. */
export class SyncServer {
  private child: RunningChild | null = null
  port = 0

  private constructor(
    readonly kind: ServerKind,
    readonly label: string,
    readonly dataDir: string,
    readonly docNames: string[],
    private readonly cookies: string[],
    private readonly options: SyncServerOptions,
  ) {}

  get wire(): WireFormat {
    return this.kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket'
  }

  /** Start-up of the current process (see RunningChild.startMs). */
  get startMs(): number {
    return this.child?.startMs ?? 0
  }

  get pid(): number {
    return this.child!.pid
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** Our database file (only for kind 'ours'). */
  get databaseFile(): string {
    return join(this.dataDir, this.kind === 'ours' ? 'sprachrohr.sqlite' : 'hocuspocus.sqlite')
  }

  static async start(kind: ServerKind, options: SyncServerOptions): Promise<SyncServer> {
    const dataDir = mkdtempSync(join(tmpdir(), `sprachrohr-bench-${kind}-`))
    let docNames: string[]
    let cookies: string[] = []
    if (kind === 'ours') {
      const seed = await seedSync(join(dataDir, 'sprachrohr.sqlite'), options.people, options.documents)
      docNames = seed.positionIds
      cookies = seed.cookies
    } else {
      docNames = Array.from({ length: options.documents }, (_, i) => `bench-${i + 1}`)
    }
    const variant = options.variant ?? {}
    const tags: string[] = []
    if (kind === 'ours' && variant.synchronous) tags.push(variant.synchronous)
    if (kind === 'ours' && variant.persist === false) tags.push('persistence off')
    if (kind === 'ours' && variant.unthrottled) tags.push('rate limit lifted')
    const label = SERVER_LABELS[kind] + (tags.length ? ` (${tags.join(', ')})` : '')
    const server = new SyncServer(kind, label, dataDir, docNames, cookies, options)
    await options.beforeStart?.(server)
    await server.launch()
    return server
  }

  private async launch(): Promise<void> {
    this.port = await freePort()
    const logFile = join(this.dataDir, 'server.log')
    const nodeArgs = this.options.nodeArgs ?? []
    if (this.kind === 'ours') {
      const variant = this.options.variant ?? {}
      const env: Record<string, string> = {
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        PUBLIC_URL: this.origin,
        SQLITE_SYNCHRONOUS: variant.synchronous ?? 'NORMAL',
      }
      if (variant.persist === false) {
        if (!ourPersistenceSwitch) throw new Error('our server has no switch to turn persistence off')
        env[ourPersistenceSwitch.name] = ourPersistenceSwitch.off
      }
      const script = variant.unthrottled ? OUR_MAIN_UNTHROTTLED : OUR_MAIN
      this.child = await RunningChild.start({ script, env, logFile, nodeArgs, ready: httpAnswers(`${this.origin}/`) })
    } else if (this.kind === 'hocuspocus') {
      this.child = await RunningChild.start({
        script: join(REPO_ROOT, 'tests/bench/peers/hocuspocus-server.ts'),
        env: { PORT: String(this.port), DB_FILE: this.databaseFile },
        logFile,
        nodeArgs,
        ready: readyLine(/ready \d+/),
      })
    } else {
      this.child = await RunningChild.start({
        script: join(REPO_ROOT, 'tests/bench/peers/reference-server.ts'),
        env: { PORT: String(this.port) },
        logFile,
        nodeArgs,
        ready: readyLine(/ready \d+/),
      })
    }
  }

  /** Headers of client `i`: its own person's session cookie and our Origin (ours); nothing for peers. */
  headers(i: number): Record<string, string> {
    if (this.kind !== 'ours') return {}
    const cookie = this.cookies[i % this.cookies.length]
    if (!cookie) throw new Error('no session seeded')
    return { cookie, origin: this.origin }
  }

  endpoint(docName: string, client: number): Endpoint {
    const base = `ws://127.0.0.1:${this.port}`
    const url = this.kind === 'ours' ? `${base}/sync/${docName}` : this.kind === 'y-websocket' ? `${base}/${docName}` : base
    return { url, headers: this.headers(client) }
  }

  observerEndpoint(docName: string, client: number): ObserverEndpoint {
    const base = `ws://127.0.0.1:${this.port}`
    return {
      wire: this.wire,
      serverUrl: this.kind === 'ours' ? `${base}/sync` : base,
      docName,
      headers: this.headers(client),
    }
  }

  memory(): MemoryFigures | null {
    return this.child ? processMemory(this.child.pid) : null
  }

  /** SIGKILL, as a crash or an OOM kill would end it. */
  async kill(): Promise<void> {
    await this.child?.kill()
  }

  /** Starts the server again on the same data (after kill or stop). */
  async restart(): Promise<void> {
    await this.child?.kill()
    await this.launch()
  }

  async stop(): Promise<void> {
    await this.child?.stop()
  }
}
