import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { AppEnv } from '../http/app-env.ts'

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}

/**
 * The client's address, for throttling. Behind a reverse proxy on the same machine (the usual
 * https setup) every request comes from loopback, so then the address the proxy appended last
 * to X-Forwarded-For is used; from anywhere else that header is ignored, since clients can
 * forge it. IPv6 addresses count per /64, the block one household or device usually gets.
 */
export function clientIp(c: Context<AppEnv>): string {
  let address: string | undefined
  try {
    address = getConnInfo(c).remote.address
  } catch {
    address = undefined // in-process requests (tests) have no socket
  }
  if (!address) return 'unknown'
  if (isLoopback(address)) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
    if (forwarded) address = forwarded
  }
  return ipKey(address)
}

export function ipKey(address: string): string {
  const plain = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address
  if (!plain.includes(':')) return plain
  const groups = expandIpv6(plain)
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : plain
}

function expandIpv6(address: string): string[] | null {
  const [head = '', tail] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  if (tail === undefined && left.length !== 8) return null
  const missing = 8 - left.length - right.length
  if (missing < 0) return null
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
}
