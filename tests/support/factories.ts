import type { Db } from '../../db/connection.ts'
import { newId } from '../../db/ids.ts'
import { run } from '../../db/query.ts'
import type { PositionStatus } from '../../db/schema/index.ts'
import { createSession } from '../../server/auth/sessions.ts'

// Factories write rows directly so tests build exactly the world they need, fast. They fill
// in what they depend on; everything has a unique, readable default.
let seq = 0
const next = () => ++seq

export interface Built {
  id: string
}

export function buildPerson(
  db: Db,
  opts: { name?: string; email?: string; admin?: boolean; spokesperson?: boolean; disabled?: boolean; passwordHash?: string | null; locale?: string | null; now?: number } = {},
): Built & { email: string; name: string } {
  const n = next()
  const id = newId()
  const email = (opts.email ?? `person${n}@example.org`).toLowerCase()
  const name = opts.name ?? `Person ${n}`
  const at = opts.now ?? Date.parse('2026-11-21T09:00:00Z')
  run(
    db,
    db.q.insertInto('people').values({
      id,
      email,
      name,
      password_hash: opts.passwordHash ?? null,
      locale: opts.locale ?? null,
      is_admin: opts.admin ? 1 : 0,
      is_spokesperson: opts.spokesperson ? 1 : 0,
      disabled: opts.disabled ? 1 : 0,
      created_at: at,
      updated_at: at,
    }),
  )
  return { id, email, name }
}

export function buildInitiative(db: Db, opts: { name?: string; slug?: string; weight?: number; active?: boolean } = {}): Built & { slug: string } {
  const n = next()
  const id = newId()
  const slug = opts.slug ?? `initiative-${n}`
  const at = Date.parse('2026-11-21T09:00:00Z')
  run(
    db,
    db.q.insertInto('initiatives').values({
      id,
      name: opts.name ?? `Initiative ${n}`,
      slug,
      weight: opts.weight ?? 1,
      active: opts.active === false ? 0 : 1,
      created_at: at,
      updated_at: at,
    }),
  )
  return { id, slug }
}

export function addToInitiative(db: Db, initiativeId: string, personId: string, role: 'delegate' | 'member' = 'delegate'): void {
  run(db, db.q.insertInto('initiative_memberships').values({ initiative_id: initiativeId, person_id: personId, role, created_at: Date.now() }))
}

export function buildGroup(db: Db, opts: { name?: string; slug?: string } = {}): Built & { slug: string } {
  const n = next()
  const id = newId()
  const slug = opts.slug ?? `gruppe-${n}`
  const at = Date.parse('2026-11-21T09:00:00Z')
  run(db, db.q.insertInto('working_groups').values({ id, name: opts.name ?? `Arbeitsgruppe ${n}`, slug, created_at: at, updated_at: at }))
  return { id, slug }
}

export function addToGroup(db: Db, groupId: string, personId: string, coordinator = false): void {
  run(db, db.q.insertInto('group_memberships').values({ group_id: groupId, person_id: personId, coordinator: coordinator ? 1 : 0, created_at: Date.now() }))
}

export function buildPosition(
  db: Db,
  opts: { groupId?: string; createdBy?: string; title?: string; slug?: string; status?: PositionStatus; readonly?: boolean } = {},
): Built & { slug: string; groupId: string } {
  const n = next()
  const id = newId()
  const groupId = opts.groupId ?? buildGroup(db).id
  const createdBy = opts.createdBy ?? buildPerson(db).id
  const slug = opts.slug ?? `position-${n}`
  const at = Date.parse('2026-11-21T09:00:00Z')
  run(
    db,
    db.q.insertInto('positions').values({
      id,
      group_id: groupId,
      slug,
      title: opts.title ?? `Position ${n}`,
      status: opts.status ?? 'drafting',
      draft_readonly: opts.readonly ? 1 : 0,
      created_by: createdBy,
      created_at: at,
      updated_at: at,
      last_edit_at: null,
    }),
  )
  return { id, slug, groupId }
}

/** A session cookie header value for the person, without going through the (slow) password login. */
export function sessionCookie(db: Db, personId: string, now: number): string {
  const { token } = createSession(db, personId, now)
  return `sprachrohr_session=${token}`
}
