import type { Context } from 'hono'
import { Hono } from 'hono'
import type { InitiativeRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { InitiativePage } from '../../web/views/admin/initiative-page.tsx'
import { InitiativesPage } from '../../web/views/admin/initiatives-page.tsx'
import type { FormValues } from '../../web/views/form/form-view.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render, type PageStatus } from '../http/render.tsx'
import { addInitiativeMember } from '../initiatives/add-initiative-member.ts'
import { createInitiative } from '../initiatives/create-initiative.ts'
import * as initiativeRepo from '../initiatives/initiative.repo.ts'
import { removeInitiativeMember } from '../initiatives/remove-initiative-member.ts'
import { updateInitiative } from '../initiatives/update-initiative.ts'
import { InitiativeForm, InitiativeMemberForm, postAdminForm } from './admin-forms.ts'
import { candidatesBesides, detailStateOf, requireAdmin, type DetailState, type FormState } from './admin-page-parts.ts'

function listPage(c: Context<AppEnv>, form: FormState = {}, status: PageStatus = 200) {
  const initiatives = initiativeRepo.listInitiativesWithCounts(c.get('deps').db).map((i) => ({ ...i, active: i.active === 1 }))
  return render(c, <InitiativesPage ctx={pageContext(c)} initiatives={initiatives} {...form} />, status)
}

function storedValues(row: InitiativeRow): FormValues {
  return { name: row.name, slug: row.slug, weight: String(row.weight), active: row.active === 1 ? 'on' : undefined }
}

function detailPage(c: Context<AppEnv>, id: string, state: DetailState, status: PageStatus = 200) {
  const { db } = c.get('deps')
  const row = initiativeRepo.getInitiative(db, id) ?? fail('not_found', { key: 'admin.error.initiative_not_found' })
  const members = initiativeRepo.listInitiativeMembers(db, id).map((m) => ({ ...m, disabled: m.disabled === 1 }))
  return render(
    c,
    <InitiativePage
      ctx={pageContext(c)}
      initiative={{ id: row.id, name: row.name }}
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

/** /admin/initiatives: list, create, edit, and the delegates and members of each. */
export const adminInitiativePages = new Hono<AppEnv>()
  .get('/', (c) => {
    requireAdmin(c)
    return listPage(c)
  })
  .post('/', async (c) => {
    const { person } = requireAdmin(c)
    return postAdminForm(
      c,
      InitiativeForm,
      (input) => createInitiative(c.get('deps'), person.id, input),
      (form, status) => listPage(c, form, status),
      (created) => c.redirect(`/admin/initiatives/${created.id}?saved=1`, 303),
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
      InitiativeForm,
      (input) => updateInitiative(c.get('deps'), person.id, id, input),
      (form, status) => detailPage(c, id, { form }, status),
      () => c.redirect(`/admin/initiatives/${id}?saved=1`, 303),
    )
  })
  .post('/:id/members', async (c) => {
    const { person } = requireAdmin(c)
    const id = c.req.param('id')
    return postAdminForm(
      c,
      InitiativeMemberForm,
      (input) => addInitiativeMember(c.get('deps'), person.id, id, input),
      (memberForm, status) => detailPage(c, id, { memberForm }, status),
      () => c.redirect(`/admin/initiatives/${id}?saved=1#initiative-members`, 303),
    )
  })
  .post('/:id/members/:personId/remove', (c) => {
    const { person } = requireAdmin(c)
    const id = c.req.param('id')
    removeInitiativeMember(c.get('deps'), person.id, id, c.req.param('personId'))
    return c.redirect(`/admin/initiatives/${id}?saved=1#initiative-members`, 303)
  })
