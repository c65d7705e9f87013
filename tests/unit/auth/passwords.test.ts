import { describe, expect, it } from 'vitest'
import { checkPasswordRules, hashPassword, verifyPassword } from '../../../server/auth/passwords.ts'
import { configFromEnv } from '../../../server/config.ts'

const person = { email: 'amira.haddad@example.org', name: 'Amira Haddad' }
const chars = (n: number) => 'Qx7!'.repeat(Math.ceil(n / 4)).slice(0, n)

describe('password rules', () => {
  it('refuses 7 characters and accepts 8', () => {
    expect(checkPasswordRules(chars(7), person)).toBe('auth.password_too_short')
    expect(checkPasswordRules(chars(8), person)).toBeNull()
  })

  it('accepts 256 characters and refuses 257', () => {
    expect(checkPasswordRules(chars(256), person)).toBeNull()
    expect(checkPasswordRules(chars(257), person)).toBe('auth.password_too_long')
  })

  it('counts characters, not bytes: eight umlauts are enough', () => {
    expect(checkPasswordRules('äöüßÄÖÜé', person)).toBeNull()
    expect(checkPasswordRules('🔑🔑🔑🔑🔑🔑🔑', person)).toBe('auth.password_too_short')
  })

  it('refuses common passwords, whatever their case', () => {
    expect(checkPasswordRules('password', person)).toBe('auth.password_common')
    expect(checkPasswordRules('12345678', person)).toBe('auth.password_common')
    expect(checkPasswordRules('Sunshine1', person)).toBe('auth.password_common')
  })

  it('refuses the own email address or name as the password', () => {
    expect(checkPasswordRules('amira.haddad@example.org', person)).toBe('auth.password_personal')
    expect(checkPasswordRules('AMIRA.HADDAD@example.org', person)).toBe('auth.password_personal')
    expect(checkPasswordRules('amira haddad', person)).toBe('auth.password_personal')
  })

  it('accepts a passphrase', () => {
    expect(checkPasswordRules('Wohnraum für alle Menschen', person)).toBeNull()
  })
})

describe('password hashing', () => {
  it('stores argon2id with m=19456, t=2, p=1 (the configured cost) and verifies only the right password', async () => {
    const hash = await hashPassword('Wohnraum für alle Menschen', configFromEnv({}).passwordHashCost)
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verifyPassword(hash, 'Wohnraum für alle Menschen')).toBe(true)
    expect(await verifyPassword(hash, 'Wohnraum fur alle Menschen')).toBe(false)
  })

  it('treats an unreadable hash as a wrong password instead of crashing', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false)
  })
})
