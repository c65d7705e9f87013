import type { Context } from 'hono'
import { Hono } from 'hono'
import type { WorkingGroupRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import type { FormProblem, FormValues } from '../../web/views/admin/form-fields.tsx'
import { GroupPage } from '../../web/views/admin/group-page.tsx'
import { GroupsPage } from '../../web/views/admin/groups-page.tsx'
import { attempt } from '../auth/form-errors.ts'
import { requireCan } from '../auth/guards.ts'
import { addGroupMember } from '../groups/add-group-member.ts'
import { createGroup } from '../groups/create-group.ts'
import * as groupRepo from '../groups/group.repo.ts'
import { removeGroupMember } from '../groups/remove-group-member.ts'
import { updateGroup } from '../groups/update-group.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render } from '../http/render.tsx'
import { parseWith } from '../http/validate.ts'
import * as personRepo from '../people/person.repo.ts'
import { GroupForm, GroupMemberForm, problemOf, readRawForm, statusOf } from './form-state.ts'

const ADMIN = { type: 'admin.manage' } as const
type Status = Parameters<typeof render>[2]

function listPage(c: Context<AppEnv>, form: { values?: FormValues; problem?: FormProblem } = {}, status: Status = 200) {
  const groups = groupRepo.listGroupsWithCounts(c.get('deps').db)
  return render(c, <GroupsPage ctx={pageContext(c)} groups={groups} {...form} />, status)
}

function storedValues(row: WorkingGroupRow): FormValues {
  return { name: row.name, slug: row.slug, description: row.description }
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
  const row = groupRepo.getGroup(db, id) ?? fail('not_found', c.get('t')('admin.error.group_not_found'))
  const members = groupRepo.listGroupMembers(db, id)
  const memberIds = new Set(members.map((m) => m.personId))
  const candidates = personRepo
    .listPeople(db)
    .filter((p) => p.disabled === 0 && !memberIds.has(p.id))
    .map((p) => ({ id: p.id, name: p.name, email: p.email }))
  return render(
    c,
    <GroupPage
      ctx={pageContext(c)}
      group={{ id: row.id, name: row.name, slug: row.slug }}
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

/** /admin/groups: working groups, their members and coordinators. */
export const adminGroupPages = new Hono<AppEnv>()
  .get('/', (c) => {
    requireCan(c, ADMIN)
    return listPage(c)
  })
  .post('/', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const values = await readRawForm(c)
    const result = await attempt(() => createGroup(c.get('deps'), person.id, parseWith(c, GroupForm, values), c.get('t')))
    if (!result.ok) return listPage(c, { values, problem: problemOf(c.get('t'), result.error) }, statusOf(result.error))
    return c.redirect(`/admin/groups/${result.value.id}?saved=1`, 303)
  })
  .get('/:id', (c) => {
    requireCan(c, ADMIN)
    return editPage(c, c.req.param('id'), { saved: c.req.query('saved') === '1' })
  })
  .post('/:id', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const id = c.req.param('id')
    const values = await readRawForm(c)
    const result = await attempt(() => updateGroup(c.get('deps'), person.id, id, parseWith(c, GroupForm, values), c.get('t')))
    if (!result.ok) return editPage(c, id, { values, problem: problemOf(c.get('t'), result.error) }, statusOf(result.error))
    return c.redirect(`/admin/groups/${id}?saved=1`, 303)
  })
  .post('/:id/members', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const id = c.req.param('id')
    const values = await readRawForm(c)
    const result = await attempt(() => addGroupMember(c.get('deps'), person.id, id, parseWith(c, GroupMemberForm, values), c.get('t')))
    if (!result.ok) return editPage(c, id, { memberValues: values, memberProblem: problemOf(c.get('t'), result.error) }, statusOf(result.error))
    return c.redirect(`/admin/groups/${id}?saved=1#group-members`, 303)
  })
  .post('/:id/members/:personId/remove', (c) => {
    const { person } = requireCan(c, ADMIN)
    const id = c.req.param('id')
    removeGroupMember(c.get('deps'), person.id, id, c.req.param('personId'), c.get('t'))
    return c.redirect(`/admin/groups/${id}?saved=1#group-members`, 303)
  })
