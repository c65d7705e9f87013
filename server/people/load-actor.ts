import type { Db } from '../../db/connection.ts'
import type { PersonRow } from '../../db/schema/index.ts'
import type { Actor } from '../../shared/policy.ts'
import * as personRepo from './person.repo.ts'
import { translatorLanguagesOf } from '../translations/translator.repo.ts'

type Memberships = Pick<Actor, 'initiatives' | 'groups'>

/**
 * The policy's view of a person: roles and memberships (of active initiatives only). The
 * memberships are read when something first asks for them, in the same request: many requests
 * never do (a ballot's right to vote is the round's electorate, not the actor), and the query
 * was one of the few statements each such request costs.
 */
export function loadActor(db: Db, person: PersonRow): Actor {
  let memberships: Memberships | null = null
  const load = (): Memberships => (memberships ??= readMemberships(db, person.id))
  let languages: string[] | null = null
  return {
    id: person.id,
    isAdmin: person.is_admin === 1,
    isSpokesperson: person.is_spokesperson === 1,
    disabled: person.disabled === 1,
    get initiatives() {
      return load().initiatives
    },
    get groups() {
      return load().groups
    },
    get translatorLanguages() {
      return (languages ??= translatorLanguagesOf(db, person.id))
    },
  }
}

function readMemberships(db: Db, personId: string): Memberships {
  const roles = personRepo.rolesOf(db, personId)
  return {
    initiatives: roles.initiatives.map((m) => ({ initiativeId: m.initiative_id, role: m.role })),
    groups: roles.groups.map((g) => ({ groupId: g.group_id, coordinator: g.coordinator === 1 })),
  }
}
