import type { PersonRow } from '../../db/schema/index.ts'
import type { GlobalRole } from '../../shared/fields.ts'

export interface PersonJson {
  id: string
  email: string
  name: string
  roles: GlobalRole[]
  disabled: boolean
  /** False while the person has not yet used their invite link. */
  passwordSet: boolean
}

export function rolesOf(row: Pick<PersonRow, 'is_admin' | 'is_spokesperson'>): GlobalRole[] {
  const roles: GlobalRole[] = []
  if (row.is_admin === 1) roles.push('admin')
  if (row.is_spokesperson === 1) roles.push('spokesperson')
  return roles
}

/** A person as admins see them; never the password hash. */
export function presentPerson(row: PersonRow): PersonJson {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: rolesOf(row),
    disabled: row.disabled === 1,
    passwordSet: row.password_hash !== null,
  }
}
