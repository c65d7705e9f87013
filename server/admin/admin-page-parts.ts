import type { Context } from 'hono'
import type { FormProblem, FormValues } from '../../web/views/form/form-view.ts'
import type { PersonOption } from '../../web/views/admin/admin-parts.tsx'
import type { Db } from '../../db/connection.ts'
import { requireCan } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import * as personRepo from '../people/person.repo.ts'

// What the admin list and detail pages of initiatives, groups and people share on the server.

export const ADMIN = { type: 'admin.manage' } as const

/** The admin who is asking; every admin page and form post starts here. */
export function requireAdmin(c: Context<AppEnv>) {
  return requireCan(c, ADMIN)
}

/** A form shown again after a refusal: what was entered and why it was refused. */
export interface FormState {
  values?: FormValues
  problem?: FormProblem
}

/** A detail page's state: its edit form, its add-a-member form, and whether something was just saved. */
export interface DetailState {
  form?: FormState
  memberForm?: FormState
  saved?: boolean
}

/** The detail page as it is after a GET (`?saved=1` after a redirect from a saved form). */
export function detailStateOf(c: Context<AppEnv>): DetailState {
  return { saved: c.req.query('saved') === '1' }
}

/** People who could still be added: not disabled and not a member yet. */
export function candidatesBesides(db: Db, memberIds: ReadonlySet<string>): PersonOption[] {
  return personRepo
    .listPeople(db)
    .filter((p) => p.disabled === 0 && !memberIds.has(p.id))
    .map((p) => ({ id: p.id, name: p.name, email: p.email }))
}

/**
 * The props a detail page with members takes from its state: the edit form (stored values, or
 * what was entered when refused), the members, who could still be added, the add-a-member form.
 */
export function detailProps<M extends { personId: string }>(db: Db, state: DetailState, stored: FormValues, members: M[]) {
  return {
    values: state.form?.values ?? stored,
    problem: state.form?.problem ?? null,
    members,
    candidates: candidatesBesides(db, new Set(members.map((m) => m.personId))),
    ...(state.memberForm?.values ? { memberValues: state.memberForm.values } : {}),
    memberProblem: state.memberForm?.problem ?? null,
    saved: state.saved ?? false,
  }
}
