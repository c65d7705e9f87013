import { describe, expect, it } from 'vitest'
import { can, type Action, type ActionType, type Actor } from '../../shared/policy.ts'

// The full role × action matrix of shared/policy.ts. X and Y are initiatives, G and H working
// groups; every object-scoped action is asked about a matching and a non-matching object.

const X = 'initiative-x'
const Y = 'initiative-y'
const G = 'group-g'
const H = 'group-h'

function person(overrides: Partial<Actor> = {}): Actor {
  return { id: 'p', isAdmin: false, isSpokesperson: false, disabled: false, initiatives: [], groups: [], ...overrides }
}

const roles = {
  anonymous: null,
  // Disabled wins over everything, so this one holds every role it could have.
  disabled: person({
    disabled: true,
    isAdmin: true,
    isSpokesperson: true,
    initiatives: [{ initiativeId: X, role: 'delegate' }],
    groups: [{ groupId: G, coordinator: true }],
    translatorLanguages: ['ar'],
  }),
  plain: person(),
  'member of X': person({ initiatives: [{ initiativeId: X, role: 'member' }] }),
  'delegate of X': person({ initiatives: [{ initiativeId: X, role: 'delegate' }] }),
  'delegate of Y': person({ initiatives: [{ initiativeId: Y, role: 'delegate' }] }),
  'group member of G': person({ groups: [{ groupId: G, coordinator: false }] }),
  'coordinator of G': person({ groups: [{ groupId: G, coordinator: true }] }),
  'coordinator of H': person({ groups: [{ groupId: H, coordinator: true }] }),
  spokesperson: person({ isSpokesperson: true }),
  'translator into ar': person({ translatorLanguages: ['ar'] }),
  admin: person({ isAdmin: true }),
} satisfies Record<string, Actor | null>

type RoleName = keyof typeof roles

/** Every action type with the objects it is asked about. A new Action type fails typechecking here until it is added. */
const columnsByType: Record<ActionType, Array<[label: string, action: Action]>> = {
  'admin.manage': [['admin.manage', { type: 'admin.manage' }]],
  'self.edit': [['self.edit', { type: 'self.edit' }]],
  'position.read': [['position.read', { type: 'position.read' }]],
  'position.create': [
    ['position.create G', { type: 'position.create', groupId: G }],
    ['position.create H', { type: 'position.create', groupId: H }],
  ],
  'position.edit': [
    ['position.edit G', { type: 'position.edit', groupId: G }],
    ['position.edit H', { type: 'position.edit', groupId: H }],
  ],
  'version.freeze': [
    ['version.freeze G', { type: 'version.freeze', groupId: G }],
    ['version.freeze H', { type: 'version.freeze', groupId: H }],
  ],
  'round.open': [
    ['round.open G', { type: 'round.open', groupId: G }],
    ['round.open H', { type: 'round.open', groupId: H }],
  ],
  'round.close': [
    ['round.close G', { type: 'round.close', groupId: G }],
    ['round.close H', { type: 'round.close', groupId: H }],
  ],
  'round.extend': [
    ['round.extend G', { type: 'round.extend', groupId: G }],
    ['round.extend H', { type: 'round.extend', groupId: H }],
  ],
  'round.cancel': [
    ['round.cancel G', { type: 'round.cancel', groupId: G }],
    ['round.cancel H', { type: 'round.cancel', groupId: H }],
  ],
  'position.archive': [
    ['position.archive G', { type: 'position.archive', groupId: G }],
    ['position.archive H', { type: 'position.archive', groupId: H }],
  ],
  'position.publish': [['position.publish', { type: 'position.publish' }]],
  'position.withdraw': [['position.withdraw', { type: 'position.withdraw' }]],
  'signature.manage': [
    ['signature.manage X', { type: 'signature.manage', initiativeId: X }],
    ['signature.manage Y', { type: 'signature.manage', initiativeId: Y }],
  ],
  'comment.read': [['comment.read', { type: 'comment.read' }]],
  'comment.write': [
    ['comment.write G', { type: 'comment.write', groupId: G }],
    ['comment.write H', { type: 'comment.write', groupId: H }],
  ],
  'comment.resolve': [
    ['comment.resolve G, own', { type: 'comment.resolve', groupId: G, authorId: 'p' }],
    ['comment.resolve G, other', { type: 'comment.resolve', groupId: G, authorId: 'q' }],
    ['comment.resolve H, other', { type: 'comment.resolve', groupId: H, authorId: 'q' }],
  ],
  'comment.edit': [
    ['comment.edit own', { type: 'comment.edit', authorId: 'p' }],
    ['comment.edit other', { type: 'comment.edit', authorId: 'q' }],
  ],
  'alliance.manage': [['alliance.manage', { type: 'alliance.manage' }]],
  'initiative.listing': [
    ['initiative.listing X', { type: 'initiative.listing', initiativeId: X }],
    ['initiative.listing Y', { type: 'initiative.listing', initiativeId: Y }],
  ],
  'translation.write': [
    ['translation.write ar', { type: 'translation.write', language: 'ar' }],
    ['translation.write uk', { type: 'translation.write', language: 'uk' }],
  ],
  'translation.publish': [['translation.publish', { type: 'translation.publish' }]],
  'round.nudge': [
    ['round.nudge G', { type: 'round.nudge', groupId: G }],
    ['round.nudge H', { type: 'round.nudge', groupId: H }],
  ],
  'amendment.propose': [
    ['amendment.propose G', { type: 'amendment.propose', groupId: G }],
    ['amendment.propose H', { type: 'amendment.propose', groupId: H }],
  ],
  'amendment.support': [
    ['amendment.support X', { type: 'amendment.support', initiativeId: X }],
    ['amendment.support Y', { type: 'amendment.support', initiativeId: Y }],
  ],
  'amendment.decide': [
    ['amendment.decide G', { type: 'amendment.decide', groupId: G }],
    ['amendment.decide H', { type: 'amendment.decide', groupId: H }],
  ],
  'proxy.grant': [
    ['proxy.grant X', { type: 'proxy.grant', initiativeId: X }],
    ['proxy.grant Y', { type: 'proxy.grant', initiativeId: Y }],
  ],
  'proxy.revoke': [
    ['proxy.revoke X', { type: 'proxy.revoke', initiativeId: X }],
    ['proxy.revoke Y', { type: 'proxy.revoke', initiativeId: Y }],
  ],
  'proxy.settings': [['proxy.settings', { type: 'proxy.settings' }]],
}
const columns = Object.values(columnsByType).flat()

// Y = allowed, - = refused. Column order is that of columnsByType above.
const matrix: Record<RoleName, string> = {
  //                    admin self read  create  edit  freeze  open  close  extend cancel  arch  pub wdr  sign  cread  cwrite  resolve      edit  ally list  tr.write tr.pub  |   nudge  prop    sup   dec  grant revoke settings
  //                                     G  H    G  H   G  H   G  H   G  H   G  H    G  H           X  Y         G  H    own G  H     own other  X  Y  ar uk   G  H  X  Y  G  H  X  Y  X  Y
  anonymous:           '-  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -',
  disabled:            '-  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -',
  plain:               '-  Y  Y  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  Y  -  -  Y  -  -  Y  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -',
  'member of X':       '-  Y  Y  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  Y  Y  Y  Y  -  -  Y  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -',
  'delegate of X':     '-  Y  Y  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  Y  -  Y  Y  Y  Y  -  -  Y  -  -  Y  -  -  -  -  -  -  Y  Y  Y  -  -  -  Y  -  Y  -  -',
  'delegate of Y':     '-  Y  Y  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  Y  Y  Y  Y  Y  -  -  Y  -  -  -  Y  -  -  -  -  -  Y  Y  -  Y  -  -  -  Y  -  Y  -',
  'group member of G': '-  Y  Y  Y  -  Y  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  Y  Y  -  Y  -  -  Y  -  -  -  -  -  -  -  -  -  Y  -  -  -  -  -  -  -  -  -  -',
  'coordinator of G':  '-  Y  Y  Y  -  Y  -  Y  -  Y  -  Y  -  Y  -  Y  -  Y  -  -  -  -  -  Y  Y  -  Y  Y  -  Y  -  -  -  -  -  -  -  Y  -  Y  -  -  -  Y  -  -  -  -  -  -',
  'coordinator of H':  '-  Y  Y  -  Y  -  Y  -  Y  -  Y  -  Y  -  Y  -  Y  -  Y  -  -  -  -  Y  -  Y  Y  -  Y  Y  -  -  -  -  -  -  -  -  Y  -  Y  -  -  -  Y  -  -  -  -  -',
  spokesperson:        '-  Y  Y  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  Y  Y  -  -  Y  -  -  Y  -  -  Y  -  -  -  -  Y  Y  Y  -  -  -  -  -  -  -  -  -  -  -  -  -',
  'translator into ar': '-  Y  Y  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -  Y  -  -  Y  -  -  Y  -  -  -  -  Y  -  -  -  -  -  -  -  -  -  -  -  -  -  -  -',
  admin:               'Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  -  -  Y  Y  Y  Y  Y  Y  Y  -  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  -  -  Y  Y  -  -  -  -  Y',
}

const cells = (Object.keys(roles) as RoleName[]).flatMap((role) => {
  const row = matrix[role].trim().split(/\s+/)
  return columns.map(([label, action], i) => ({ role, label, action, expected: row[i] === 'Y', cell: row[i] }))
})

describe('policy matrix', () => {
  it('has one row per role and one cell per action column, each Y or -', () => {
    for (const role of Object.keys(roles) as RoleName[]) {
      const row = matrix[role].trim().split(/\s+/)
      expect(row, role).toHaveLength(columns.length)
      expect(row.every((c) => c === 'Y' || c === '-'), role).toBe(true)
    }
  })

  it.each(cells)('$role · $label → $cell', ({ role, action, expected }) => {
    expect(can(roles[role], action)).toBe(expected)
  })
})

describe('policy combinations', () => {
  it('gives a person the union of their roles', () => {
    const both = person({ isSpokesperson: true, groups: [{ groupId: G, coordinator: true }], initiatives: [{ initiativeId: X, role: 'delegate' }, { initiativeId: Y, role: 'delegate' }] })
    expect(can(both, { type: 'round.open', groupId: G })).toBe(true)
    expect(can(both, { type: 'position.publish' })).toBe(true)
    expect(can(both, { type: 'signature.manage', initiativeId: X })).toBe(true)
    expect(can(both, { type: 'signature.manage', initiativeId: Y })).toBe(true)
    expect(can(both, { type: 'round.open', groupId: H })).toBe(false)
    expect(can(both, { type: 'admin.manage' })).toBe(false)
  })

  it('refuses every action to a disabled person whatever else they hold', () => {
    const disabled = roles.disabled
    for (const [, action] of columns) expect(can(disabled, action)).toBe(false)
  })

  it('does not let a member of one group coordinate it by being a coordinator elsewhere', () => {
    const mixed = person({ groups: [{ groupId: G, coordinator: false }, { groupId: H, coordinator: true }] })
    expect(can(mixed, { type: 'position.edit', groupId: G })).toBe(true)
    expect(can(mixed, { type: 'round.close', groupId: G })).toBe(false)
    expect(can(mixed, { type: 'round.close', groupId: H })).toBe(true)
  })
})
