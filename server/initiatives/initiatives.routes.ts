import { Hono } from 'hono'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import { idField, initiativeRoleField, nameField, slugField, weightField } from '../../shared/fields.ts'
import { requireCan, requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readJson } from '../http/validate.ts'
import { addInitiativeMember } from './add-initiative-member.ts'
import { createInitiative } from './create-initiative.ts'
import * as initiativeRepo from './initiative.repo.ts'
import { presentInitiative } from './present-initiative.ts'
import { removeInitiativeMember } from './remove-initiative-member.ts'
import { updateInitiative } from './update-initiative.ts'

const CreateInitiativeBody = z.strictObject({ name: nameField, slug: slugField.optional(), weight: weightField.optional() })
const UpdateInitiativeBody = z.strictObject({
  name: nameField.optional(),
  slug: slugField.optional(),
  weight: weightField.optional(),
  active: z.boolean().optional(),
})
const AddMemberBody = z.strictObject({ personId: idField, role: initiativeRoleField })

const ADMIN = { type: 'admin.manage' } as const

/** /api/initiatives: anyone signed in may list them; changes are for admins. */
export const initiativesRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    requirePerson(c)
    return c.json({ initiatives: initiativeRepo.listInitiatives(c.get('deps').db).map(presentInitiative) })
  })
  .get('/:id', (c) => {
    requirePerson(c)
    const { db } = c.get('deps')
    const row = initiativeRepo.getInitiative(db, c.req.param('id')) ?? fail('not_found', { key: 'admin.error.initiative_not_found' })
    const members = initiativeRepo.listInitiativeMembers(db, row.id).map((m) => ({ id: m.personId, name: m.name, role: m.role }))
    return c.json({ ...presentInitiative(row), members })
  })
  .post('/', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const input = await readJson(c, CreateInitiativeBody)
    return c.json(presentInitiative(createInitiative(c.get('deps'), person.id, input)), 201)
  })
  .patch('/:id', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const input = await readJson(c, UpdateInitiativeBody)
    return c.json(presentInitiative(updateInitiative(c.get('deps'), person.id, c.req.param('id'), input)))
  })
  .post('/:id/members', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const input = await readJson(c, AddMemberBody)
    const { membership, created } = addInitiativeMember(c.get('deps'), person.id, c.req.param('id'), input)
    return c.json(membership, created ? 201 : 200)
  })
  .delete('/:id/members/:personId', (c) => {
    const { person } = requireCan(c, ADMIN)
    removeInitiativeMember(c.get('deps'), person.id, c.req.param('id'), c.req.param('personId'))
    return c.body(null, 204)
  })
