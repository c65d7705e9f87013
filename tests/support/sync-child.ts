import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SyncEndpointOptions } from '../../server/sync/sync-endpoint.ts'
import type { ChildMessage } from './sync-server-process.ts'
import { TEST_ORIGIN } from './test-app.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SCRIPT = fileURLToPath(new URL('./sync-server-process.ts', import.meta.url))

export type ChildStats = Extract<ChildMessage, { type: 'stats' }>

let entry: Promise<string[]> | undefined

/**
 * How to start the child. Through tsx every start transforms and loads ~60 modules (2 s of CPU,
 * measured); the crash test restarts the server 20+ times. So the child is bundled once with
 * esbuild (tsx's own transformer, installed with it), packages left external, into
 * node_modules/.cache so that they resolve, named by content so parallel test files share it;
 * if that fails, tsx it is.
 */
function childArgs(): Promise<string[]> {
  entry ??= (async () => {
    try {
      const { build } = await import('esbuild')
      const result = await build({ entryPoints: [SCRIPT], bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, logLevel: 'error' })
      const code = result.outputFiles[0]!.contents
      const dir = join(ROOT, 'node_modules', '.cache', 'sprachrohr-tests')
      const name = `sync-server-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`
      const file = join(dir, name)
      mkdirSync(dir, { recursive: true })
      if (!existsSync(file)) {
        const partial = `${file}.${process.pid}.tmp`
        writeFileSync(partial, code)
        renameSync(partial, file)
      }
      removeStaleBundles(dir, name)
      return [file]
    } catch {
      return ['--import', 'tsx', SCRIPT]
    }
  })()
  return entry
}

/** Bundles of older code, not touched for an hour (a run of other code may still use a newer one). */
function removeStaleBundles(dir: string, keep: string): void {
  const hourAgo = Date.now() - 3_600_000
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (name !== keep && name.startsWith('sync-server-') && statSync(path).mtimeMs < hourAgo) rmSync(path, { force: true })
  }
}

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

/** Starts tests/support/sync-server-process.ts with tsx; resolves once it listens. */
export async function startSyncChild(options: {
  file: string
  port?: number
  /** Extra node flags, e.g. ['--cpu-prof'] to profile the server. */
  nodeArgs?: string[]
  sync?: Partial<Omit<SyncEndpointOptions, 'core'>> & { core?: { compactAfter?: number; unloadAfterMs?: number } }
}): Promise<SyncChild> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...(await childArgs())], {
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
