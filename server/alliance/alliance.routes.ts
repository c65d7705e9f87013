import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { AppError, fail } from '../../shared/errors.ts'
import { requireCan } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readJson } from '../http/validate.ts'
import { setInitiativeListing } from './initiative-listing.ts'
import { presentAlliance, readAlliance } from './read-alliance.ts'
import { AllianceInput, updateAlliance } from './update-alliance.ts'
import { LOGO_MAX_BYTES, uploadLogo } from './upload-logo.ts'

// The multipart envelope (boundary, headers, other fields) around the file itself.
const ENVELOPE_BYTES = 16 * 1024

/** The uploaded file of a multipart form's `logo` field, refused early when the body is too large. */
export async function readLogoFile(c: Context<AppEnv>): Promise<Buffer> {
  const type = c.req.header('content-type') ?? ''
  if (!/^multipart\/form-data\b/i.test(type)) fail('unsupported_media_type', c.get('t')('alliance.logo.error.multipart'))
  const length = Number(c.req.header('content-length') ?? 0)
  if (length > LOGO_MAX_BYTES + ENVELOPE_BYTES) fail('payload_too_large', undefined, 'logo')
  const body = await c.req.parseBody()
  const file = body.logo
  if (!(file instanceof File)) fail('validation', c.get('t')('alliance.logo.error.missing'), 'logo')
  if (file.size > LOGO_MAX_BYTES) fail('payload_too_large', undefined, 'logo')
  return Buffer.from(await file.arrayBuffer())
}

/** The words for a refused logo: which files are taken and how large they may be. */
export function logoProblem(c: Context<AppEnv>, error: unknown): unknown {
  if (!(error instanceof AppError) || error.field !== 'logo' || error.hasOwnMessage) return error
  const t = c.get('t')
  const max = `${LOGO_MAX_BYTES / 1024} KB`
  if (error.code === 'payload_too_large') return new AppError(error.code, t('alliance.logo.error.too_large', { max }), 'logo')
  if (error.code === 'image_type') return new AppError(error.code, t('alliance.logo.error.type'), 'logo')
  if (error.code === 'validation') return new AppError(error.code, t('alliance.logo.error.missing'), 'logo')
  return error
}

/** /api/alliance: the profile (admins) and its logo. */
export const allianceRoutes = new Hono<AppEnv>()
  .put('/', async (c) => {
    const { actor } = requireCan(c, { type: 'alliance.manage' })
    const input = await readJson(c, AllianceInput)
    const deps = c.get('deps')
    updateAlliance(deps, actor, input)
    return c.json(presentAlliance(readAlliance(deps.db, deps.config.publicUrl), c.get('t')('app.name'), deps.config.publicUrl))
  })
  .post('/logo', async (c) => {
    const { actor } = requireCan(c, { type: 'alliance.manage' })
    const deps = c.get('deps')
    try {
      uploadLogo(deps, actor, await readLogoFile(c))
    } catch (error) {
      throw logoProblem(c, error)
    }
    return c.json(presentAlliance(readAlliance(deps.db, deps.config.publicUrl), c.get('t')('app.name'), deps.config.publicUrl), 201)
  })
  .delete('/logo', (c) => {
    const { actor } = requireCan(c, { type: 'alliance.manage' })
    uploadLogo(c.get('deps'), actor, null)
    return c.body(null, 204)
  })

/** GET /api/public/alliance: who speaks, for the alliance's own website. */
export const publicAllianceRoutes = new Hono<AppEnv>().get('/alliance', (c) => {
  const deps = c.get('deps')
  c.header('Access-Control-Allow-Origin', '*')
  c.header('Cache-Control', 'public, no-cache')
  return c.json(presentAlliance(readAlliance(deps.db, deps.config.publicUrl), c.get('t')('app.name'), deps.config.publicUrl))
})

const ListingInput = z.strictObject({ listed: z.boolean() })

/** PUT /api/initiatives/:id/listing: an initiative's delegates (or an admin) say whether it is named on "Über uns". */
export const initiativeListingRoutes = new Hono<AppEnv>().put('/initiatives/:id/listing', async (c) => {
  const current = c.get('current') ?? fail('unauthenticated')
  const input = await readJson(c, ListingInput)
  setInitiativeListing(c.get('deps'), current.actor, c.req.param('id'), input.listed)
  return c.json({ id: c.req.param('id'), listed: input.listed })
})
