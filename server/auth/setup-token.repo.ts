import type { Db } from '../../db/connection.ts'
import { first, run } from '../../db/query.ts'
import type { SetupTokenRow } from '../../db/schema/setup-tokens.ts'

export function insertSetupToken(db: Db, row: SetupTokenRow): void {
  run(db, db.q.insertInto('setup_tokens').values(row))
}

export function getSetupToken(db: Db, id: string): SetupTokenRow | undefined {
  return first(db, db.q.selectFrom('setup_tokens').selectAll().where('id', '=', id))
}

/** Marks a token used unless it was used already; true when this call used it. */
export function useSetupToken(db: Db, id: string, at: number): boolean {
  return run(db, db.q.updateTable('setup_tokens').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null)).changes === 1
}

export function deleteUnusedFirstAdminTokens(db: Db): number {
  return run(db, db.q.deleteFrom('setup_tokens').where('purpose', '=', 'first_admin').where('used_at', 'is', null)).changes
}

export function deleteUnusedInvites(db: Db, personId: string): number {
  return run(
    db,
    db.q.deleteFrom('setup_tokens').where('purpose', '=', 'invite').where('person_id', '=', personId).where('used_at', 'is', null),
  ).changes
}
