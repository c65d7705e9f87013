import { Hono } from 'hono'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import { emailField, nameField, passwordField, rolesField } from '../../shared/fields.ts'
import { requireCan } from '../auth/guards.ts'
import * as groupRepo from '../groups/group.repo.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readJson } from '../http/validate.ts'
import * as initiativeRepo from '../initiatives/initiative.repo.ts'
import { createPerson } from './create-person.ts'
import { invitePerson } from './invite-person.ts'
import * as personRepo from './person.repo.ts'
import { presentPerson } from './present-person.ts'
import { updatePerson } from './update-person.ts'

const CreatePersonBody = z.strictObject({
  email: emailField,
  name: nameField,
  password: passwordField.optional(),
  roles: rolesField.optional(),
})
const UpdatePersonBody = z.strictObject({
  name: nameField.optional(),
  email: emailField.optional(),
  roles: rolesField.optional(),
  disabled: z.boolean().optional(),
})

const ADMIN = { type: 'admin.manage' } as const

/** /api/people: admins manage people, their global roles, invitations and disabling. */
export const peopleRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    requireCan(c, ADMIN)
    return c.json({ people: personRepo.listPeople(c.get('deps').db).map(presentPerson) })
  })
  .get('/:id', (c) => {
    requireCan(c, ADMIN)
    const { db } = c.get('deps')
    const row = personRepo.getPerson(db, c.req.param('id')) ?? fail('not_found', { key: 'admin.error.person_not_found' })
    return c.json({
      ...presentPerson(row),
      initiatives: initiativeRepo.initiativesOfPerson(db, row.id).map((i) => ({ id: i.initiativeId, name: i.name, role: i.role })),
      groups: groupRepo.groupsOfPerson(db, row.id).map((g) => ({ id: g.groupId, name: g.name, coordinator: g.coordinator })),
    })
  })
  .post('/', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const input = await readJson(c, CreatePersonBody)
    const { person: created, setup } = await createPerson(c.get('deps'), person.id, input)
    return c.json({ ...presentPerson(created), ...(setup ? { setupUrl: setup.url, setupExpiresAt: setup.expiresAt } : {}) }, 201)
  })
  .patch('/:id', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const input = await readJson(c, UpdatePersonBody)
    return c.json(presentPerson(updatePerson(c.get('deps'), person.id, c.req.param('id'), input)))
  })
  .post('/:id/invite', (c) => {
    const { person } = requireCan(c, ADMIN)
    const link = invitePerson(c.get('deps'), person.id, c.req.param('id'))
    return c.json({ setupUrl: link.url, setupExpiresAt: link.expiresAt }, 201)
  })
