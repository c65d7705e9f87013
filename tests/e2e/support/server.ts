import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
/** What `npm start` runs; built once per test run by tests/support/build-server.ts (globalSetup). */
const MAIN = join(ROOT, 'server', 'dist', 'main.js')
/** The same server with a clock the test moves (clock-server.ts), built next to the fuzz harness. */
const CLOCK_MAIN = join(ROOT, 'tests', '.build', 'e2e-clock-server.js')

export interface E2eServer {
  /** The origin the app believes it is reached at, e.g. http://127.0.0.1:41234. */
  url: string
  port: number
  dataDir: string
  /** Everything the server printed so far (stdout and stderr, in order). */
  output(): string
  /**
   * Resolves with the first match of `pattern` in the output, waiting for it if needed. `from`
   * (an earlier `output().length`) looks only at what was printed since.
   */
  waitForOutput(pattern: RegExp, timeoutMs?: number, from?: number): Promise<RegExpMatchArray>
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>
  /** Ends the process with `signal` (e.g. SIGKILL to crash it), keeps the data directory, resolves when it is gone. */
  kill(signal: NodeJS.Signals): Promise<number | null>
  /** The server's clock, when started with `{ clock: true }`; a server as `npm start` runs it has none. */
  clock?: ServerClock
}

/** Moves the time of a server started with `{ clock: true }`: tests jump past a deadline instead of waiting for it. */
export interface ServerClock {
  /** The server's time now, ms since the epoch. */
  now(): Promise<number>
  /**
   * Moves the server's time forward by `ms` and resolves once its deadline and notification jobs
   * have looked at the new time (a round now past its deadline is closed); returns the new time.
   */
  advance(ms: number): Promise<number>
}

export interface StartOptions {
  /** Extra environment for the server process (e.g. SQLITE_SYNCHRONOUS). */
  env?: Record<string, string>
  /** Reuse a data directory (e.g. to test a restart); by default a fresh one is made. */
  dataDir?: string
  /** A fixed port (e.g. the same one after a restart, for clients that reconnect); by default a free one. */
  port?: number
  /**
   * Start the server with a clock the test can move (`server.clock`): the same start as `npm
   * start` (server/start.ts) through the test entry tests/e2e/support/clock-server.ts. Without
   * it, the server is `node server/dist/main.js` and has no clock control.
   */
  clock?: boolean
}

/** Asks the kernel for a free port by binding port 0, then releases it for the server. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Starts the real app as a child process, exactly as `npm start` runs it (`node
 * server/dist/main.js`), on a fresh data directory, and waits until it answers HTTP.
 */
export async function startServer(options: StartOptions = {}): Promise<E2eServer> {
  const ownDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sprachrohr-e2e-'))
  // Another process may grab the port between probe and bind; one retry covers that rare race.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort())
    try {
      return await launch(port, dataDir, ownDataDir, options.env ?? {}, options.clock ? CLOCK_MAIN : MAIN)
    } catch (error) {
      if (attempt >= 2 || options.port !== undefined || !(error instanceof PortTakenError)) {
        if (ownDataDir) rmSync(dataDir, { recursive: true, force: true })
        throw error
      }
    }
  }
}

class PortTakenError extends Error {}

async function launch(port: number, dataDir: string, ownDataDir: boolean, env: Record<string, string>, main: string): Promise<E2eServer> {
  const url = `http://127.0.0.1:${port}`
  if (!existsSync(main)) throw new Error(`${main} is missing: the e2e and integration projects build it in their globalSetup (tests/support/build-server.ts)`)
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...appEnvironment(),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })

  let text = ''
  const listeners = new Set<() => void>()
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8')
    for (const listener of listeners) listener()
  }
  child.stdout!.on('data', append)
  child.stderr!.on('data', append)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let hasExited = false
  void exited.then(() => {
    hasExited = true
    for (const listener of listeners) listener()
  })

  const waitForOutput = (pattern: RegExp, timeoutMs = 15_000, from = 0) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = text.slice(from).match(pattern)
        if (match) return finish(() => resolve(match))
        if (hasExited) finish(() => reject(new Error(`server exited before printing ${pattern}:\n${text}`)))
      }
      const timer = setTimeout(() => finish(() => reject(new Error(`server did not print ${pattern} within ${timeoutMs} ms:\n${text}`))), timeoutMs)
      const finish = (settle: () => void) => {
        clearTimeout(timer)
        listeners.delete(check)
        settle()
      }
      listeners.add(check)
      check()
    })

  try {
    await waitUntilAnswering(url, () => hasExited, 60_000)
  } catch (error) {
    await kill(child, exited)
    if (/EADDRINUSE/.test(text)) throw new PortTakenError(text)
    throw new Error(`${(error as Error).message}\nserver output:\n${text}`)
  }

  return {
    url,
    port,
    dataDir,
    output: () => text,
    waitForOutput,
    stop: async () => {
      await kill(child, exited)
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true })
    },
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
    ...(main === CLOCK_MAIN ? { clock: serverClock(url) } : {}),
  }
}

function serverClock(url: string): ServerClock {
  const call = async (init?: RequestInit): Promise<number> => {
    const res = await fetch(`${url}/__test/clock`, init)
    const body = (await res.json()) as { now?: number; error?: string }
    if (res.status !== 200 || typeof body.now !== 'number') throw new Error(`clock control: HTTP ${res.status}: ${JSON.stringify(body)}`)
    return body.now
  }
  return {
    now: () => call(),
    advance: (ms) => call({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: ms }) }),
  }
}

/** Our environment minus what vitest sets for itself: the app runs as `npm start` would run it. */
function appEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'TEST') delete env[key]
  return env
}

async function waitUntilAnswering(url: string, hasExited: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('server exited during start')
    try {
      const res = await fetch(`${url}/login`, { redirect: 'manual', signal: AbortSignal.timeout(2_000) })
      await res.arrayBuffer()
      if (res.status < 500) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  throw new Error(`server did not answer on ${url} within ${timeoutMs} ms`)
}

async function kill(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}
