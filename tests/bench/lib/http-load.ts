import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import autocannon from 'autocannon'

export interface HttpLoadResult {
  tool: 'wrk' | 'autocannon'
  requests: number
  requestsPerSecond: number
  latencyP50Ms: number | null
  latencyP99Ms: number | null
  non2xx: number
  errors: number
}

const WRK = '/usr/bin/wrk'

/**
 * GET `url` with `connections` keep-alive connections for `seconds`. Debian's wrk (C, one
 * thread) where installed: it needs far less CPU than autocannon, which on two cores competes
 * with the server it measures. autocannon otherwise.
 */
export async function httpLoad(url: string, connections: number, seconds: number): Promise<HttpLoadResult> {
  if (existsSync(WRK)) return wrk(url, connections, seconds)
  const result = await autocannon({ url, connections, duration: seconds })
  return {
    tool: 'autocannon',
    requests: result['2xx'] + result.non2xx,
    requestsPerSecond: (result['2xx'] + result.non2xx) / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  }
}

function wrk(url: string, connections: number, seconds: number): Promise<HttpLoadResult> {
  return new Promise((resolve, reject) => {
    execFile(WRK, ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url], (error, stdout) => {
      if (error) return reject(error)
      const number = (pattern: RegExp) => {
        const m = stdout.match(pattern)
        return m ? Number(m[1]) : null
      }
      const ms = (pattern: RegExp) => {
        const m = stdout.match(pattern)
        if (!m) return null
        const factor = m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1
        return Number(m[1]) * factor
      }
      const socketErrors = stdout.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/)
      resolve({
        tool: 'wrk',
        requests: number(/(\d+) requests in/) ?? 0,
        requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/) ?? 0,
        latencyP50Ms: ms(/\s50%\s+([\d.]+)(us|ms|s)/),
        latencyP99Ms: ms(/\s99%\s+([\d.]+)(us|ms|s)/),
        non2xx: number(/Non-2xx or 3xx responses: (\d+)/) ?? 0,
        errors: socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
      })
    })
  })
}
