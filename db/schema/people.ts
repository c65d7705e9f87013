import type { Generated, Selectable } from 'kysely'

export interface PeopleTable {
  id: string
  /** Lower-cased; unique. */
  email: string
  name: string
  /** argon2id PHC string; null until the person has set a password through their setup link. */
  password_hash: string | null
  /** An interface language code, 'de', 'en' or a language pack's; null: follow the browser's Accept-Language. */
  locale: string | null
  is_admin: Generated<number>
  is_spokesperson: Generated<number>
  disabled: Generated<number>
  created_at: number
  updated_at: number
}
export type PersonRow = Selectable<PeopleTable>
export interface PartialDB { people: PeopleTable }
