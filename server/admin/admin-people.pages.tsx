import type { Context } from 'hono'
import { Hono } from 'hono'
import type { PersonRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import type { InviteLinkInfo } from '../../web/views/admin/invite-link.tsx'
import { PeoplePage } from '../../web/views/admin/people-page.tsx'
import { PersonPage } from '../../web/views/admin/person-page.tsx'
import type { FormValues } from '../../web/views/form/form-view.ts'
import * as groupRepo from '../groups/group.repo.ts'
import type { AppEnv } from '../http/app-env.ts'
import { submitForm } from '../http/refused-form.ts'
import { pageContext, render, type PageStatus } from '../http/render.tsx'
import * as initiativeRepo from '../initiatives/initiative.repo.ts'
import { createPerson } from '../people/create-person.ts'
import { invitePerson } from '../people/invite-person.ts'
import * as personRepo from '../people/person.repo.ts'
import { presentPerson, rolesOf } from '../people/present-person.ts'
import { updatePerson } from '../people/update-person.ts'
import { setTranslator } from '../translations/set-translator.ts'
import { translatorLanguagesOf } from '../translations/translator.repo.ts'
import { NewPersonForm, PersonForm, postAdminForm, TranslatorForm } from './admin-forms.ts'
import { detailStateOf, requireAdmin, type DetailState, type FormState } from './admin-page-parts.ts'

interface ListState extends FormState {
  created?: { id: string; name: string; invite: InviteLinkInfo | null }
}

function listPage(c: Context<AppEnv>, state: ListState = {}, status: PageStatus = 200) {
  const { db } = c.get('deps')
  const byPerson = (rows: Array<{ personId: string; name: string }>) => {
    const names = new Map<string, string[]>()
    for (const r of rows) names.set(r.personId, [...(names.get(r.personId) ?? []), r.name])
    return names
  }
  const delegations = byPerson(initiativeRepo.listDelegations(db))
  const coordinations = byPerson(groupRepo.listCoordinations(db))
  const people = personRepo.listPeople(db).map((row) => ({
    ...presentPerson(row),
    delegateOf: delegations.get(row.id) ?? [],
    coordinatorOf: coordinations.get(row.id) ?? [],
  }))
  return render(c, <PeoplePage ctx={pageContext(c)} people={people} {...state} />, status)
}

function storedValues(row: PersonRow): FormValues {
  return { name: row.name, email: row.email, roles: rolesOf(row), disabled: row.disabled === 1 ? 'on' : undefined }
}

interface PersonState extends DetailState {
  translatorForm?: FormState
  invite?: InviteLinkInfo
  inviteProblem?: string
}

function detailPage(c: Context<AppEnv>, id: string, state: PersonState, status: PageStatus = 200) {
  const { db } = c.get('deps')
  const row = personRepo.getPerson(db, id) ?? fail('not_found', { key: 'admin.error.person_not_found' })
  const initiatives = initiativeRepo
    .initiativesOfPerson(db, id)
    .map((i) => ({ id: i.initiativeId, name: i.name, role: i.role, active: i.active === 1 }))
  const groups = groupRepo.groupsOfPerson(db, id).map((g) => ({ id: g.groupId, name: g.name, coordinator: g.coordinator }))
  return render(
    c,
    <PersonPage
      ctx={pageContext(c)}
      person={{ id: row.id, name: row.name, disabled: row.disabled === 1, passwordSet: row.password_hash !== null }}
      values={state.form?.values ?? storedValues(row)}
      problem={state.form?.problem ?? null}
      initiatives={initiatives}
      groups={groups}
      {...(state.invite ? { invite: state.invite } : {})}
      {...(state.inviteProblem ? { inviteProblem: state.inviteProblem } : {})}
      saved={state.saved ?? false}
      translator={{ values: state.translatorForm?.values ?? { languages: translatorLanguagesOf(db, id) }, problem: state.translatorForm?.problem ?? null }}
    />,
    status,
  )
}

/** /admin/people: invite people, set their global roles, disable them, hand out new setup links. */
export const adminPeoplePages = new Hono<AppEnv>()
  .get('/', (c) => {
    requireAdmin(c)
    return listPage(c)
  })
  .post('/', async (c) => {
    const { person } = requireAdmin(c)
    return postAdminForm(
      c,
      NewPersonForm,
      (input) => createPerson(c.get('deps'), person.id, input),
      (form, status) => listPage(c, form, status),
      ({ person: created, setup }) => {
        // Rendered, not redirected: the link exists only now and must not end up in a URL or history.
        const invite = setup ? { name: created.name, url: setup.url, expiresAt: setup.expiresAt } : null
        return listPage(c, { created: { id: created.id, name: created.name, invite } }, 201)
      },
    )
  })
  .get('/:id', (c) => {
    requireAdmin(c)
    return detailPage(c, c.req.param('id'), detailStateOf(c))
  })
  .post('/:id', async (c) => {
    const current = requireAdmin(c)
    const id = c.req.param('id')
    return postAdminForm(
      c,
      PersonForm,
      (input) => updatePerson(c.get('deps'), current.person.id, id, input),
      (form, status) => detailPage(c, id, { form }, status),
      (updated) => {
        // An admin who just gave up their own admin role (or disabled themselves) cannot see this page any more.
        if (updated.id === current.person.id && (updated.is_admin !== 1 || updated.disabled === 1)) return c.redirect('/', 303)
        return c.redirect(`/admin/people/${id}?saved=1`, 303)
      },
    )
  })
  .post('/:id/translator', async (c) => {
    const { actor } = requireAdmin(c)
    const id = c.req.param('id')
    return postAdminForm(
      c,
      TranslatorForm,
      (input) => setTranslator(c.get('deps'), actor, id, input.languages),
      (form, status) => detailPage(c, id, { translatorForm: form }, status),
      () => c.redirect(`/admin/people/${id}?saved=1`, 303),
    )
  })
  .post('/:id/invite', async (c) => {
    const { person } = requireAdmin(c)
    const id = c.req.param('id')
    const result = await submitForm(c, () => invitePerson(c.get('deps'), person.id, id))
    if (!result.ok) return detailPage(c, id, { inviteProblem: result.problem.message }, result.status)
    const row = personRepo.getPerson(c.get('deps').db, id)!
    return detailPage(c, id, { invite: { name: row.name, url: result.value.url, expiresAt: result.value.expiresAt } }, 201)
  })
