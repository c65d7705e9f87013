import type { Db } from '../../db/connection.ts'
import type { PersonRow } from '../../db/schema/index.ts'
import type { Actor } from '../../shared/policy.ts'
import * as personRepo from './person.repo.ts'

/** The policy's view of a person: roles and memberships (of active initiatives only). */
export function loadActor(db: Db, person: PersonRow): Actor {
  const roles = personRepo.rolesOf(db, person.id)
  return {
    id: person.id,
    isAdmin: person.is_admin === 1,
    isSpokesperson: person.is_spokesperson === 1,
    disabled: person.disabled === 1,
    initiatives: roles.initiatives.map((m) => ({ initiativeId: m.initiative_id, role: m.role })),
    groups: roles.groups.map((g) => ({ groupId: g.group_id, coordinator: g.coordinator === 1 })),
  }
}
