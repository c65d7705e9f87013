import { describe, expect, it } from 'vitest'
import { translator } from '../../shared/i18n/index.ts'
import { can, type Actor } from '../../shared/policy.ts'

const person = (initiatives: Actor['initiatives'], groups: Actor['groups'] = []): Actor => ({
  id: 'p',
  isAdmin: false,
  isSpokesperson: false,
  disabled: false,
  initiatives,
  groups,
})

describe('what the admin pages tell about roles', () => {
  it('says that members of an initiative comment, and the policy lets them', () => {
    expect(translator('de')('admin.initiatives.members_hint')).toContain('Mitglieder lesen mit, kommentieren und stimmen dort ab, wo Personen abstimmen.')
    expect(translator('en')('admin.initiatives.members_hint')).toMatch(/Members read along, comment/)
    expect(can(person([{ initiativeId: 'x', role: 'member' }]), { type: 'comment.write', groupId: 'any' })).toBe(true)
  })

  it('says that members of a working group comment on its positions, and the policy lets them', () => {
    expect(translator('de')('admin.groups.members_hint')).toMatch(/kommentieren/)
    expect(translator('en')('admin.groups.members_hint')).toMatch(/comment/)
    expect(can(person([], [{ groupId: 'g', coordinator: false }]), { type: 'comment.write', groupId: 'g' })).toBe(true)
  })
})
