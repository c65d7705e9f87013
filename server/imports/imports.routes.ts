import { Hono } from 'hono'
import { z } from 'zod'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readUpload } from '../http/read-upload.ts'
import { titleField } from '../positions/position-title.ts'
import { presentPosition } from '../positions/present-position.ts'
import { MAX_IMPORT_BYTES } from './file-to-content.ts'
import { importIntoDraft } from './import-into-draft.ts'
import { importPosition } from './import-position.ts'

const NewBody = z.strictObject({ groupId: z.string().min(1).max(64), title: titleField.optional() })
const DraftBody = z.strictObject({})

/** Mounted under /api/positions, before the routes with `:id`. */
export const importsRoutes = new Hono<AppEnv>()
  .post('/import', async (c) => {
    const { actor } = requirePerson(c)
    const { fields, file } = await readUpload(c, NewBody, MAX_IMPORT_BYTES)
    const result = await importPosition(c.get('deps'), actor, { ...fields, file })
    return c.json({ position: presentPosition(result.position), dropped: result.dropped }, 201)
  })
  .post('/:id/draft/import', async (c) => {
    const { actor } = requirePerson(c)
    const { file } = await readUpload(c, DraftBody, MAX_IMPORT_BYTES)
    const result = await importIntoDraft(c.get('deps'), actor, c.req.param('id'), file)
    return c.json({ position: presentPosition(result.position), dropped: result.dropped })
  })
