import type { Context } from 'hono'
import { Hono } from 'hono'
import type { PersonRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import type { FormProblem, FormValues } from '../../web/views/admin/form-fields.tsx'
import type { InviteLinkInfo } from '../../web/views/admin/invite-link.tsx'
import { PeoplePage } from '../../web/views/admin/people-page.tsx'
import { PersonPage } from '../../web/views/admin/person-page.tsx'
import { attempt } from '../auth/form-errors.ts'
import { requireCan } from '../auth/guards.ts'
import * as groupRepo from '../groups/group.repo.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render } from '../http/render.tsx'
import { parseWith } from '../http/validate.ts'
import * as initiativeRepo from '../initiatives/initiative.repo.ts'
import { createPerson } from '../people/create-person.ts'
import { invitePerson } from '../people/invite-person.ts'
import * as personRepo from '../people/person.repo.ts'
import { presentPerson, rolesOf } from '../people/present-person.ts'
import { updatePerson } from '../people/update-person.ts'
import { NewPersonForm, PersonForm, problemOf, readRawForm, statusOf } from './form-state.ts'

const ADMIN = { type: 'admin.manage' } as const
type Status = Parameters<typeof render>[2]

interface ListState {
  values?: FormValues
  problem?: FormProblem
  created?: { id: string; name: string; invite: InviteLinkInfo | null }
}

function listPage(c: Context<AppEnv>, state: ListState = {}, status: Status = 200) {
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

interface EditState {
  values?: FormValues
  problem?: FormProblem
  invite?: InviteLinkInfo
  inviteProblem?: string
  saved?: boolean
}

function editPage(c: Context<AppEnv>, id: string, state: EditState = {}, status: Status = 200) {
  const { db } = c.get('deps')
  const row = personRepo.getPerson(db, id) ?? fail('not_found', c.get('t')('admin.error.person_not_found'))
  const initiatives = initiativeRepo
    .initiativesOfPerson(db, id)
    .map((i) => ({ id: i.initiativeId, name: i.name, role: i.role, active: i.active === 1 }))
  const groups = groupRepo.groupsOfPerson(db, id).map((g) => ({ id: g.groupId, name: g.name, coordinator: g.coordinator }))
  return render(
    c,
    <PersonPage
      ctx={pageContext(c)}
      person={{ id: row.id, name: row.name, disabled: row.disabled === 1, passwordSet: row.password_hash !== null }}
      values={state.values ?? storedValues(row)}
      initiatives={initiatives}
      groups={groups}
      {...(state.problem ? { problem: state.problem } : {})}
      {...(state.invite ? { invite: state.invite } : {})}
      {...(state.inviteProblem ? { inviteProblem: state.inviteProblem } : {})}
      saved={state.saved ?? false}
    />,
    status,
  )
}

/** /admin/people: invite people, set their global roles, disable them, hand out new setup links. */
export const adminPeoplePages = new Hono<AppEnv>()
  .get('/', (c) => {
    requireCan(c, ADMIN)
    return listPage(c)
  })
  .post('/', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const values = await readRawForm(c)
    const result = await attempt(() => createPerson(c.get('deps'), person.id, parseWith(c, NewPersonForm, values), c.get('t')))
    if (!result.ok) return listPage(c, { values, problem: problemOf(c.get('t'), result.error) }, statusOf(result.error))
    const { person: created, setup } = result.value
    // Rendered, not redirected: the link exists only now and must not end up in a URL or history.
    const invite = setup ? { name: created.name, url: setup.url, expiresAt: setup.expiresAt } : null
    return listPage(c, { created: { id: created.id, name: created.name, invite } }, 201)
  })
  .get('/:id', (c) => {
    requireCan(c, ADMIN)
    return editPage(c, c.req.param('id'), { saved: c.req.query('saved') === '1' })
  })
  .post('/:id', async (c) => {
    const current = requireCan(c, ADMIN)
    const id = c.req.param('id')
    const values = await readRawForm(c)
    const result = await attempt(() => updatePerson(c.get('deps'), current.person.id, id, parseWith(c, PersonForm, values), c.get('t')))
    if (!result.ok) return editPage(c, id, { values, problem: problemOf(c.get('t'), result.error) }, statusOf(result.error))
    const updated = result.value
    // An admin who just gave up their own admin role (or disabled themselves) cannot see this page any more.
    if (updated.id === current.person.id && (updated.is_admin !== 1 || updated.disabled === 1)) return c.redirect('/', 303)
    return c.redirect(`/admin/people/${id}?saved=1`, 303)
  })
  .post('/:id/invite', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const id = c.req.param('id')
    const result = await attempt(() => invitePerson(c.get('deps'), person.id, id, c.get('t')))
    if (!result.ok) {
      if (result.error.code === 'not_found') throw result.error
      return editPage(c, id, { inviteProblem: problemOf(c.get('t'), result.error).message }, statusOf(result.error))
    }
    const row = personRepo.getPerson(c.get('deps').db, id)!
    return editPage(c, id, { invite: { name: row.name, url: result.value.url, expiresAt: result.value.expiresAt } }, 201)
  })
