import { createRequire } from 'node:module'
import type { MessageKey } from '../../shared/i18n/index.ts'

// The Argon2 binding and the list of common passwords are loaded on first use, not at start:
// a server that nobody logs in to for hours should not hold them (docs/BENCHMARKS.md, memory).
const argon2 = () => import('@node-rs/argon2')
const require = createRequire(import.meta.url)
const commonPasswordList = () => (require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common')).dictionary['passwords-common']

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 256

/** The cost of a new Argon2id hash: memory in KiB and passes (config.passwordHashCost). */
export interface PasswordHashCost {
  memoryKiB: number
  passes: number
}

/** OWASP's minimum for Argon2id (m=19 MiB, t=2, p=1): what the app uses. */
export const STANDARD_HASH_COST: PasswordHashCost = { memoryKiB: 19456, passes: 2 }

// Algorithm 2 is Argon2id; the package's enum is an ambient const enum, which isolatedModules cannot read.
const ARGON2ID = 2

/** Hashes at `cost`; verifying reads the cost from the hash, so hashes of any cost keep working. */
export async function hashPassword(password: string, cost: PasswordHashCost): Promise<string> {
  const { hash } = await argon2()
  return hash(password, { memoryCost: cost.memoryKiB, timeCost: cost.passes, parallelism: 1, algorithm: ARGON2ID as never })
}

/** False for a wrong password and for a hash that cannot be read (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const { verify } = await argon2()
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let common: Set<string> | undefined
/** Built on first use: ~18,000 entries of at least the minimum length, lower-cased. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    commonPasswordList().filter((p) => p.length >= PASSWORD_MIN_LENGTH).map((p) => p.toLowerCase()),
  )
  return common
}

/**
 * Why a new password is refused, as a message key; null when it is acceptable. Length counts
 * characters (code points), so umlauts and emoji count once.
 */
export function checkPasswordRules(password: string, person: { email?: string | null; name?: string | null }): MessageKey | null {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return 'auth.password_too_short'
  if (length > PASSWORD_MAX_LENGTH) return 'auth.password_too_long'
  const lower = password.toLowerCase()
  if (commonPasswords().has(lower)) return 'auth.password_common'
  const email = person.email?.trim().toLowerCase()
  const name = person.name?.trim().toLowerCase()
  if ((email && lower === email) || (email && lower === email.split('@')[0]) || (name && lower === name))
    return 'auth.password_personal'
  return null
}
