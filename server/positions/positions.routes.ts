import { Hono } from 'hono'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import { requireCan } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readJson, readQuery } from '../http/validate.ts'
import { archivePosition } from './archive-position.ts'
import { createPosition } from './create-position.ts'
import * as positionRepo from './position.repo.ts'
import { titleField } from './position-title.ts'
import { presentPosition, presentPositionListItem } from './present-position.ts'
import { readDraft } from './read-draft.ts'
import { renamePosition } from './rename-position.ts'
import { effectivePosition } from '../rounds/effective-round.ts'

const idField = z.string().min(1).max(64)
const CreateBody = z.strictObject({ groupId: idField, title: titleField })
const RenameBody = z.strictObject({ title: titleField })
const ListQuery = z.strictObject({ groupId: idField.optional() })

const READ = { type: 'position.read' } as const

/** /api/positions: positions and their live drafts. */
export const positionsRoutes = new Hono<AppEnv>()
  .post('/', async (c) => {
    const { actor } = requireCan(c, READ)
    const input = await readJson(c, CreateBody)
    return c.json(presentPosition(createPosition(c.get('deps'), actor, input)), 201)
  })
  .get('/', (c) => {
    requireCan(c, READ)
    const { groupId } = readQuery(c, ListQuery)
    const rows = positionRepo.listPositions(c.get('deps').db, groupId === undefined ? undefined : [groupId])
    return c.json({ positions: rows.map(presentPositionListItem) })
  })
  .get('/:id', (c) => {
    requireCan(c, READ)
    const row = positionRepo.getPosition(c.get('deps').db, c.req.param('id')) ?? fail('not_found')
    return c.json(presentPosition(effectivePosition(c.get('deps'), row)))
  })
  .patch('/:id', async (c) => {
    const { actor } = requireCan(c, READ)
    const input = await readJson(c, RenameBody)
    return c.json(presentPosition(renamePosition(c.get('deps'), actor, c.req.param('id'), input.title)))
  })
  .post('/:id/archive', (c) => {
    const { actor } = requireCan(c, READ)
    return c.json(presentPosition(archivePosition(c.get('deps'), actor, c.req.param('id'))))
  })
  .get('/:id/draft', async (c) => {
    requireCan(c, READ)
    const row = positionRepo.getPosition(c.get('deps').db, c.req.param('id')) ?? fail('not_found')
    const draft = await readDraft(c.get('deps'), row)
    c.header('Cache-Control', 'no-store')
    // The body `{ content, html }` was serialized where it was rendered.
    return c.body(draft.json, 200, { 'Content-Type': 'application/json' })
  })
