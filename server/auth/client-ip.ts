import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { AppEnv } from '../http/app-env.ts'

/**
 * The client's address, for throttling: the socket's peer. Only when the configuration says a
 * reverse proxy sets X-Forwarded-For (TRUST_PROXY=1) is that header used, and then only its
 * right-most entry, the one our proxy appended: everything left of it came from the client and
 * can be anything. Trusting the header by default (even only from loopback) would let clients
 * rotate it, and behind a proxy that does not set it everyone would share one counter.
 * IPv6 addresses count per /64, the block one household or device usually gets.
 */
export function clientIp(c: Context<AppEnv>): string {
  let address: string | undefined
  try {
    address = getConnInfo(c).remote.address
  } catch {
    address = undefined // in-process requests (tests) have no socket
  }
  if (c.get('deps').config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
    if (forwarded) address = forwarded
  }
  if (!address) return 'unknown'
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
