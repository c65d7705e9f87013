import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import type { WorkingGroupRow } from '../../db/schema/index.ts'
import { AppError, fail } from '../../shared/errors.ts'
import { ImportPage, type ImportPageProps } from '../../web/views/exports/import-page.tsx'
import { requirePerson } from '../auth/guards.ts'
import * as groupRepo from '../groups/group.repo.ts'
import type { AppEnv } from '../http/app-env.ts'
import { toErrorBody } from '../http/error-handler.ts'
import { errorStatus } from '../http/error-status.ts'
import { readUpload } from '../http/read-upload.ts'
import { pageContext, render } from '../http/render.tsx'
import { titleField } from '../positions/position-title.ts'
import { MAX_IMPORT_BYTES } from './file-to-content.ts'
import { importPosition } from './import-position.ts'

const ImportForm = z.strictObject({ title: titleField.optional() })

function groupOf(c: Context<AppEnv>): WorkingGroupRow {
  return groupRepo.getGroupBySlug(c.get('deps').db, c.req.param('slug') ?? '') ?? fail('not_found')
}

function page(c: Context<AppEnv>, group: WorkingGroupRow, props: Pick<ImportPageProps, 'form' | 'done'>, status: 200 | 400 | 409 = 200) {
  return render(c, <ImportPage ctx={pageContext(c)} group={{ name: group.name, slug: group.slug }} {...props} />, status)
}

/** /groups/:slug/import: the upload form and, after an import, the report of what was left out. */
export const importsPages = new Hono<AppEnv>()
  .get('/groups/:slug/import', (c) => {
    requirePerson(c)
    return page(c, groupOf(c), {})
  })
  .post('/groups/:slug/import', async (c) => {
    const { actor } = requirePerson(c)
    const group = groupOf(c)
    let entered = ''
    try {
      const { fields, file } = await readUpload(c, ImportForm, MAX_IMPORT_BYTES)
      entered = fields.title ?? ''
      const result = await importPosition(c.get('deps'), actor, { groupId: group.id, title: fields.title, file })
      return page(c, group, { done: { positionId: result.position.id, title: result.position.title, dropped: result.dropped } })
    } catch (error) {
      // A refused file is told on the form, with its status (a refusal of the person goes to the error page).
      if (!(error instanceof AppError) || error.code === 'forbidden' || error.code === 'unauthenticated' || error.code === 'csrf') throw error
      const { body } = toErrorBody(c, error)
      const field = error.field === 'title' ? 'title' : 'file'
      return page(c, group, { form: { title: entered, error: body.error.message, field } }, errorStatus[error.code] as 400)
    }
  })
