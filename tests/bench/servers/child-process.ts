import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { sleep } from '../lib/stats.ts'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** A port that was free a moment ago (the server must know its public URL before it listens). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

export interface ChildOptions {
  script: string
  env: Record<string, string>
  logFile: string
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[]
  /** Resolves when the server is ready to take connections. */
  ready: (child: RunningChild) => Promise<void>
}

/**
 * One server process: `node <script>` for our built server, `node --import tsx <script>` for the
 * TypeScript peers (not the tsx CLI, which would put a second process in between: /proc figures
 * and SIGKILL must hit the server).
 */
export class RunningChild {
  readonly output: string[] = []
  exited: Promise<number | null>
  exitCode: number | null | undefined = undefined
  /** Start-up: milliseconds from spawning `node` until the server was ready (answered, or printed its line). */
  startMs = 0

  private constructor(readonly process: ChildProcess) {
    this.exited = new Promise((resolve) => {
      process.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : null)
        resolve(code)
      })
    })
  }

  get pid(): number {
    return this.process.pid!
  }

  static async start(options: ChildOptions): Promise<RunningChild> {
    const log = createWriteStream(options.logFile, { flags: 'a' })
    const spawnedAt = performance.now()
    const loader = options.script.endsWith('.ts') ? ['--import', 'tsx'] : []
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, options.script], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const child = new RunningChild(proc)
    const keep = (chunk: Buffer) => {
      log.write(chunk)
      // The first lines say whether it started; keep a few for error messages.
      if (child.output.length < 50) child.output.push(chunk.toString())
    }
    proc.stdout!.on('data', keep)
    proc.stderr!.on('data', keep)
    proc.once('exit', () => log.end())
    const failed = child.exited.then(() => {
      throw new Error(`${options.script} exited with ${child.exitCode} before it was ready:\n${child.output.join('').slice(-2000)}`)
    })
    await Promise.race([options.ready(child), failed])
    child.startMs = performance.now() - spawnedAt
    return child
  }

  /** Graceful stop (SIGTERM), then SIGKILL if it hangs. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.exitCode !== undefined) return
    this.process.kill('SIGTERM')
    const timedOut = await Promise.race([this.exited.then(() => false), sleep(timeoutMs).then(() => true)])
    if (timedOut) await this.kill()
  }

  async kill(): Promise<void> {
    if (this.exitCode !== undefined) return
    this.process.kill('SIGKILL')
    await this.exited
  }
}

/** Waits for a line such as "ready 12345" on stdout. */
export function readyLine(pattern: RegExp): (child: RunningChild) => Promise<void> {
  return (child) =>
    new Promise((resolve) => {
      let seen = ''
      const onData = (chunk: Buffer) => {
        seen += chunk.toString()
        if (pattern.test(seen)) {
          child.process.stdout!.off('data', onData)
          resolve()
        }
      }
      child.process.stdout!.on('data', onData)
    })
}

/** Polls an HTTP URL until it answers at all. */
export function httpAnswers(url: string, timeoutMs = 60_000): (child: RunningChild) => Promise<void> {
  return async () => {
    const deadline = performance.now() + timeoutMs
    for (;;) {
      try {
        const res = await fetch(url, { redirect: 'manual' })
        await res.arrayBuffer()
        return
      } catch {
        if (performance.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`)
        await sleep(50)
      }
    }
  }
}
