import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { SyncEndpointOptions } from '../../server/sync/sync-endpoint.ts'
import type { ChildMessage } from './sync-server-process.ts'
import { TEST_ORIGIN } from './test-app.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** Bundled from ./sync-server-process.ts by the globalSetup (tests/support/build-server.ts). */
const SCRIPT = fileURLToPath(new URL('../.build/sync-server-process.js', import.meta.url))

export type ChildStats = Extract<ChildMessage, { type: 'stats' }>

export interface SyncChild {
  process: ChildProcess
  port: number
  /** ws://127.0.0.1:<port>/sync */
  syncUrl: string
  stats(): Promise<ChildStats>
  /** Ends the child with a signal and waits until it is gone. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Output on stderr so far (errors only; the child counts warnings instead). */
  stderr(): string
}

/** Starts the bundled tests/support/sync-server-process.ts; resolves once it listens. */
export async function startSyncChild(options: {
  file: string
  port?: number
  /** Extra node flags, e.g. ['--cpu-prof'] to profile the server. */
  nodeArgs?: string[]
  sync?: Partial<Omit<SyncEndpointOptions, 'core'>> & { core?: { compactAfter?: number; unloadAfterMs?: number } }
}): Promise<SyncChild> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SCRIPT], {
    cwd: ROOT,
    env: {
      ...process.env,
      SYNC_TEST_DB: options.file,
      SYNC_TEST_PORT: String(options.port ?? 0),
      SYNC_TEST_ORIGIN: TEST_ORIGIN,
      SYNC_TEST_OPTIONS: JSON.stringify(options.sync ?? {}),
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const port = await new Promise<number>((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'ready') {
        child.off('message', onMessage)
        resolve(message.port)
      }
    }
    child.on('message', onMessage)
    void exited.then(({ code, signal }) => reject(new Error(`sync server exited before ready (${code ?? signal}): ${stderr}`)))
  })
  return {
    process: child,
    port,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    stats: () =>
      new Promise<ChildStats>((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`sync server is gone: ${stderr}`))
        const onMessage = (message: ChildMessage) => {
          if (message.type !== 'stats') return
          child.off('message', onMessage)
          resolve(message)
        }
        child.on('message', onMessage)
        child.send({ type: 'stats' })
      }),
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
    stderr: () => stderr,
  }
}
