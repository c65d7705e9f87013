import { resolve } from 'node:path'
import type { SynchronousMode } from '../db/connection.ts'
import { STANDARD_HASH_COST, type PasswordHashCost } from './auth/passwords.ts'

export interface Config {
  port: number
  host: string
  dataDir: string
  /** The origin people reach the app at, e.g. https://positionen.example.org. */
  publicUrl: string
  /** Derived from publicUrl: Secure cookies with the __Host- prefix when served over https. */
  secureCookies: boolean
  sqliteSynchronous: SynchronousMode
  /** false only for benchmarks (SYNC_PERSIST=off): the sync endpoint stores no edits at all. */
  syncPersist: boolean
  /**
   * TRUST_PROXY=1: a reverse proxy in front sets X-Forwarded-For, and the address it appended
   * (the right-most) is the client's. Off by default: then the header is ignored, since without
   * such a proxy any client could write it.
   */
  trustProxy: boolean
  /** Argon2id cost of new password hashes: always the standard one; tests that are not about passwords lower it. */
  passwordHashCost: PasswordHashCost
  /** The largest a draft may grow (its stored Yjs state, bytes); edits beyond it are refused (MAX_DRAFT_BYTES). */
  maxDraftBytes: number
  /** SMTP_URL (smtp://user:pass@host:587, smtps://…); without it mails wait in the outbox. */
  smtpUrl?: string | undefined
  /** MAIL_FROM, e.g. "Sprachrohr <positionen@example.org>"; by default sprachrohr@ the host of PUBLIC_URL. */
  mailFrom?: string | undefined
  /** LANGUAGES_DIR: the folder of interface language packs (`<code>.json`); by default `languages/` of the installation. */
  languagesDir?: string | undefined
}

/**
 * 512 KiB of Yjs state: about 800 paragraphs, far more than a position paper needs. At 2 MiB,
 * rendering one such draft's diff or PDF held the event loop for seconds (docs/BENCHMARKS.md).
 */
export const DEFAULT_MAX_DRAFT_BYTES = 512 * 1024
const MIN_DRAFT_BYTES = 64 * 1024

/** Reads configuration from environment variables; every variable has a working default. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`)
  const host = env.HOST ?? '0.0.0.0'
  const publicUrl = normalizeOrigin(env.PUBLIC_URL ?? `http://localhost:${port}`)
  const sync = (env.SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase()
  if (sync !== 'NORMAL' && sync !== 'FULL') throw new Error('SQLITE_SYNCHRONOUS must be NORMAL or FULL')
  const persist = (env.SYNC_PERSIST ?? 'on').toLowerCase()
  if (persist !== 'on' && persist !== 'off') throw new Error('SYNC_PERSIST must be on or off')
  const trustProxy = env.TRUST_PROXY ?? '0'
  if (trustProxy !== '0' && trustProxy !== '1') throw new Error(`TRUST_PROXY must be 0 or 1, got "${trustProxy}"`)
  const maxDraftBytes = Number(env.MAX_DRAFT_BYTES ?? DEFAULT_MAX_DRAFT_BYTES)
  if (!Number.isInteger(maxDraftBytes) || maxDraftBytes < MIN_DRAFT_BYTES)
    throw new Error(`MAX_DRAFT_BYTES must be a whole number of bytes, at least ${MIN_DRAFT_BYTES}, got "${env.MAX_DRAFT_BYTES}"`)
  return {
    port,
    host,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    sqliteSynchronous: sync,
    syncPersist: persist === 'on',
    trustProxy: trustProxy === '1',
    passwordHashCost: STANDARD_HASH_COST,
    maxDraftBytes,
    smtpUrl: smtpUrlFrom(env.SMTP_URL),
    mailFrom: env.MAIL_FROM?.trim() || undefined,
    languagesDir: env.LANGUAGES_DIR?.trim() ? resolve(env.LANGUAGES_DIR.trim()) : undefined,
  }
}

function smtpUrlFrom(value: string | undefined): string | undefined {
  const url = value?.trim()
  if (!url) return undefined
  let protocol: string
  try {
    protocol = new URL(url).protocol
  } catch {
    throw new Error(`SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587, got "${url}"`)
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${protocol}"`)
  return url
}

export function normalizeOrigin(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute URL such as https://example.org, got "${url}"`)
  }
}
