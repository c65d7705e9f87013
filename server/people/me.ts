import type { PersonRow } from '../../db/schema/index.ts'
import type { Actor } from '../../shared/policy.ts'

export interface UserView {
  id: string
  email: string
  name: string
  /** null: the interface follows the browser's language. */
  locale: string | null
}

export interface MeView extends UserView {
  roles: Array<'admin' | 'spokesperson'>
  initiatives: Array<{ id: string; role: 'delegate' | 'member' }>
  groups: Array<{ id: string; coordinator: boolean }>
}

export function presentUser(person: PersonRow): UserView {
  return { id: person.id, email: person.email, name: person.name, locale: person.locale }
}

/** The signed-in person with roles and memberships, as `GET /api/me` answers. */
export function presentMe(person: PersonRow, actor: Actor): MeView {
  const roles: MeView['roles'] = []
  if (actor.isAdmin) roles.push('admin')
  if (actor.isSpokesperson) roles.push('spokesperson')
  return {
    ...presentUser(person),
    roles,
    initiatives: actor.initiatives.map((i) => ({ id: i.initiativeId, role: i.role })),
    groups: actor.groups.map((g) => ({ id: g.groupId, coordinator: g.coordinator })),
  }
}
