import type { Context } from 'hono'
import { Hono } from 'hono'
import type { InitiativeRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import type { FormProblem, FormValues } from '../../web/views/admin/form-fields.tsx'
import { InitiativePage } from '../../web/views/admin/initiative-page.tsx'
import { InitiativesPage } from '../../web/views/admin/initiatives-page.tsx'
import { attempt } from '../auth/form-errors.ts'
import { requireCan } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render } from '../http/render.tsx'
import { parseWith } from '../http/validate.ts'
import { addInitiativeMember } from '../initiatives/add-initiative-member.ts'
import { createInitiative } from '../initiatives/create-initiative.ts'
import * as initiativeRepo from '../initiatives/initiative.repo.ts'
import { removeInitiativeMember } from '../initiatives/remove-initiative-member.ts'
import { updateInitiative } from '../initiatives/update-initiative.ts'
import * as personRepo from '../people/person.repo.ts'
import { InitiativeForm, InitiativeMemberForm, problemOf, readRawForm, statusOf } from './form-state.ts'

const ADMIN = { type: 'admin.manage' } as const
type Status = Parameters<typeof render>[2]

function listPage(c: Context<AppEnv>, form: { values?: FormValues; problem?: FormProblem } = {}, status: Status = 200) {
  const initiatives = initiativeRepo.listInitiativesWithCounts(c.get('deps').db).map((i) => ({ ...i, active: i.active === 1 }))
  return render(c, <InitiativesPage ctx={pageContext(c)} initiatives={initiatives} {...form} />, status)
}

function storedValues(row: InitiativeRow): FormValues {
  return { name: row.name, slug: row.slug, weight: String(row.weight), active: row.active === 1 ? 'on' : undefined }
}

interface EditState {
  values?: FormValues
  problem?: FormProblem
  memberValues?: FormValues
  memberProblem?: FormProblem
  saved?: boolean
}

function editPage(c: Context<AppEnv>, id: string, state: EditState = {}, status: Status = 200) {
  const { db } = c.get('deps')
  const row = initiativeRepo.getInitiative(db, id) ?? fail('not_found', c.get('t')('admin.error.initiative_not_found'))
  const members = initiativeRepo.listInitiativeMembers(db, id).map((m) => ({ ...m, disabled: m.disabled === 1 }))
  const memberIds = new Set(members.map((m) => m.personId))
  const candidates = personRepo
    .listPeople(db)
    .filter((p) => p.disabled === 0 && !memberIds.has(p.id))
    .map((p) => ({ id: p.id, name: p.name, email: p.email }))
  return render(
    c,
    <InitiativePage
      ctx={pageContext(c)}
      initiative={{ id: row.id, name: row.name }}
      values={state.values ?? storedValues(row)}
      members={members}
      candidates={candidates}
      {...(state.problem ? { problem: state.problem } : {})}
      {...(state.memberValues ? { memberValues: state.memberValues } : {})}
      {...(state.memberProblem ? { memberProblem: state.memberProblem } : {})}
      saved={state.saved ?? false}
    />,
    status,
  )
}

/** /admin/initiatives: list, create, edit, and the delegates and members of each. */
export const adminInitiativePages = new Hono<AppEnv>()
  .get('/', (c) => {
    requireCan(c, ADMIN)
    return listPage(c)
  })
  .post('/', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const values = await readRawForm(c)
    const result = await attempt(() => createInitiative(c.get('deps'), person.id, parseWith(c, InitiativeForm, values), c.get('t')))
    if (!result.ok) return listPage(c, { values, problem: problemOf(c.get('t'), result.error) }, statusOf(result.error))
    return c.redirect(`/admin/initiatives/${result.value.id}?saved=1`, 303)
  })
  .get('/:id', (c) => {
    requireCan(c, ADMIN)
    return editPage(c, c.req.param('id'), { saved: c.req.query('saved') === '1' })
  })
  .post('/:id', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const id = c.req.param('id')
    const values = await readRawForm(c)
    const result = await attempt(() => updateInitiative(c.get('deps'), person.id, id, parseWith(c, InitiativeForm, values), c.get('t')))
    if (!result.ok) return editPage(c, id, { values, problem: problemOf(c.get('t'), result.error) }, statusOf(result.error))
    return c.redirect(`/admin/initiatives/${id}?saved=1`, 303)
  })
  .post('/:id/members', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const id = c.req.param('id')
    const values = await readRawForm(c)
    const result = await attempt(() => addInitiativeMember(c.get('deps'), person.id, id, parseWith(c, InitiativeMemberForm, values), c.get('t')))
    if (!result.ok) return editPage(c, id, { memberValues: values, memberProblem: problemOf(c.get('t'), result.error) }, statusOf(result.error))
    return c.redirect(`/admin/initiatives/${id}?saved=1#initiative-members`, 303)
  })
  .post('/:id/members/:personId/remove', (c) => {
    const { person } = requireCan(c, ADMIN)
    const id = c.req.param('id')
    removeInitiativeMember(c.get('deps'), person.id, id, c.req.param('personId'), c.get('t'))
    return c.redirect(`/admin/initiatives/${id}?saved=1#initiative-members`, 303)
  })
