import type { Context } from 'hono'
import { Hono } from 'hono'
import type { WorkingGroupRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { GroupPage } from '../../web/views/admin/group-page.tsx'
import { GroupsPage } from '../../web/views/admin/groups-page.tsx'
import type { FormValues } from '../../web/views/form/form-view.ts'
import { addGroupMember } from '../groups/add-group-member.ts'
import { createGroup } from '../groups/create-group.ts'
import * as groupRepo from '../groups/group.repo.ts'
import { removeGroupMember } from '../groups/remove-group-member.ts'
import { updateGroup } from '../groups/update-group.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render, type PageStatus } from '../http/render.tsx'
import { GroupForm, GroupMemberForm, postAdminForm } from './admin-forms.ts'
import { candidatesBesides, detailStateOf, requireAdmin, type DetailState, type FormState } from './admin-page-parts.ts'

function listPage(c: Context<AppEnv>, form: FormState = {}, status: PageStatus = 200) {
  const groups = groupRepo.listGroupsWithCounts(c.get('deps').db)
  return render(c, <GroupsPage ctx={pageContext(c)} groups={groups} {...form} />, status)
}

function storedValues(row: WorkingGroupRow): FormValues {
  return { name: row.name, slug: row.slug, description: row.description }
}

function detailPage(c: Context<AppEnv>, id: string, state: DetailState, status: PageStatus = 200) {
  const { db } = c.get('deps')
  const row = groupRepo.getGroup(db, id) ?? fail('not_found', { key: 'admin.error.group_not_found' })
  const members = groupRepo.listGroupMembers(db, id)
  return render(
    c,
    <GroupPage
      ctx={pageContext(c)}
      group={{ id: row.id, name: row.name, slug: row.slug }}
      values={state.form?.values ?? storedValues(row)}
      problem={state.form?.problem ?? null}
      members={members}
      candidates={candidatesBesides(db, new Set(members.map((m) => m.personId)))}
      {...(state.memberForm?.values ? { memberValues: state.memberForm.values } : {})}
      memberProblem={state.memberForm?.problem ?? null}
      saved={state.saved ?? false}
    />,
    status,
  )
}

/** /admin/groups: working groups, their members and coordinators. */
export const adminGroupPages = new Hono<AppEnv>()
  .get('/', (c) => {
    requireAdmin(c)
    return listPage(c)
  })
  .post('/', async (c) => {
    const { person } = requireAdmin(c)
    return postAdminForm(
      c,
      GroupForm,
      (input) => createGroup(c.get('deps'), person.id, input),
      (form, status) => listPage(c, form, status),
      (created) => c.redirect(`/admin/groups/${created.id}?saved=1`, 303),
    )
  })
  .get('/:id', (c) => {
    requireAdmin(c)
    return detailPage(c, c.req.param('id'), detailStateOf(c))
  })
  .post('/:id', async (c) => {
    const { person } = requireAdmin(c)
    const id = c.req.param('id')
    return postAdminForm(
      c,
      GroupForm,
      (input) => updateGroup(c.get('deps'), person.id, id, input),
      (form, status) => detailPage(c, id, { form }, status),
      () => c.redirect(`/admin/groups/${id}?saved=1`, 303),
    )
  })
  .post('/:id/members', async (c) => {
    const { person } = requireAdmin(c)
    const id = c.req.param('id')
    return postAdminForm(
      c,
      GroupMemberForm,
      (input) => addGroupMember(c.get('deps'), person.id, id, input),
      (memberForm, status) => detailPage(c, id, { memberForm }, status),
      () => c.redirect(`/admin/groups/${id}?saved=1#group-members`, 303),
    )
  })
  .post('/:id/members/:personId/remove', (c) => {
    const { person } = requireAdmin(c)
    const id = c.req.param('id')
    removeGroupMember(c.get('deps'), person.id, id, c.req.param('personId'))
    return c.redirect(`/admin/groups/${id}?saved=1#group-members`, 303)
  })
