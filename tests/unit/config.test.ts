import { describe, expect, it } from 'vitest'
import { configFromEnv, DEFAULT_MAX_DRAFT_BYTES } from '../../server/config.ts'

describe('MAX_DRAFT_BYTES', () => {
  it('defaults to 512 KiB and takes a whole number of bytes', () => {
    expect(configFromEnv({}).maxDraftBytes).toBe(DEFAULT_MAX_DRAFT_BYTES)
    expect(DEFAULT_MAX_DRAFT_BYTES).toBe(512 * 1024)
    expect(configFromEnv({ MAX_DRAFT_BYTES: '1048576' }).maxDraftBytes).toBe(1048576)
  })

  it('refuses what is not a size, or too small to write a draft in', () => {
    for (const value of ['2MiB', '-1', '1.5', '1000', ''])
      expect(() => configFromEnv({ MAX_DRAFT_BYTES: value }), value).toThrow(/MAX_DRAFT_BYTES/)
  })
})
