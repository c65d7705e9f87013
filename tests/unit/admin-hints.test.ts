import { describe, expect, it } from 'vitest'
import { translator } from '../../shared/i18n/index.ts'

describe('what the admin pages tell about roles', () => {
  it('does not promise that members can comment: comments do not exist yet', () => {
    expect(translator('de')('admin.initiatives.members_hint')).not.toMatch(/kommentier/i)
    expect(translator('en')('admin.initiatives.members_hint')).not.toMatch(/comment/i)
    expect(translator('de')('admin.initiatives.members_hint')).toContain('Mitglieder lesen mit und stimmen dort ab, wo Personen abstimmen.')
  })
})
