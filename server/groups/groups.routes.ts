import { Hono } from 'hono'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import { descriptionField, idField, nameField, slugField } from '../../shared/fields.ts'
import { requireCan, requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readJson } from '../http/validate.ts'
import { addGroupMember } from './add-group-member.ts'
import { createGroup } from './create-group.ts'
import * as groupRepo from './group.repo.ts'
import { presentGroup, presentGroupWithMembers } from './present-group.ts'
import { removeGroupMember } from './remove-group-member.ts'
import { updateGroup } from './update-group.ts'

const CreateGroupBody = z.strictObject({ name: nameField, description: descriptionField.optional(), slug: slugField.optional() })
const UpdateGroupBody = z.strictObject({ name: nameField.optional(), description: descriptionField.optional(), slug: slugField.optional() })
const AddMemberBody = z.strictObject({ personId: idField, coordinator: z.boolean().optional() })

const ADMIN = { type: 'admin.manage' } as const

/** /api/groups: working groups and their members; anyone signed in may read, admins change. */
export const groupsRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    requirePerson(c)
    return c.json({ groups: groupRepo.listGroups(c.get('deps').db).map(presentGroup) })
  })
  .get('/:id', (c) => {
    requirePerson(c)
    const { db } = c.get('deps')
    const row = groupRepo.getGroup(db, c.req.param('id')) ?? fail('not_found', { key: 'admin.error.group_not_found' })
    return c.json(presentGroupWithMembers(row, groupRepo.listGroupMembers(db, row.id)))
  })
  .post('/', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const input = await readJson(c, CreateGroupBody)
    return c.json(presentGroup(createGroup(c.get('deps'), person.id, input)), 201)
  })
  .patch('/:id', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const input = await readJson(c, UpdateGroupBody)
    return c.json(presentGroup(updateGroup(c.get('deps'), person.id, c.req.param('id'), input)))
  })
  .post('/:id/members', async (c) => {
    const { person } = requireCan(c, ADMIN)
    const input = await readJson(c, AddMemberBody)
    const { membership, created } = addGroupMember(c.get('deps'), person.id, c.req.param('id'), input)
    return c.json(membership, created ? 201 : 200)
  })
  .delete('/:id/members/:personId', (c) => {
    const { person } = requireCan(c, ADMIN)
    removeGroupMember(c.get('deps'), person.id, c.req.param('id'), c.req.param('personId'))
    return c.body(null, 204)
  })
