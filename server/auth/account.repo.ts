import type { Insertable } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { first, run } from '../../db/query.ts'
import type { PeopleTable } from '../../db/schema/people.ts'

/** True when at least one enabled admin exists (then no first-admin link is offered). */
export function adminExists(db: Db): boolean {
  return first(db, db.q.selectFrom('people').select('id').where('is_admin', '=', 1).where('disabled', '=', 0).limit(1)) !== undefined
}

export function insertPerson(db: Db, row: Insertable<PeopleTable>): void {
  run(db, db.q.insertInto('people').values(row))
}
