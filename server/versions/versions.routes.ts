import { Hono } from 'hono'
import { z } from 'zod'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readQuery } from '../http/validate.ts'
import { freezeVersion } from './freeze-version.ts'
import { presentDiffJson, presentVersion, presentVersionSummary } from './present-version.ts'
import { diffOf, versionOf, versionsOf } from './read-versions.ts'

const VersionNumber = z.coerce.number<string>().int().min(1).max(1_000_000)
const DiffQuery = z.object({ from: z.string().max(10).pipe(VersionNumber), to: z.string().max(10).pipe(VersionNumber) }).strict()

function versionParam(value: string): number {
  const parsed = VersionNumber.safeParse(value)
  return parsed.success ? parsed.data : 0
}

/** Mounted under /api. */
export const versionsRoutes = new Hono<AppEnv>()
  .post('/positions/:id/versions', async (c) => {
    const { actor } = requirePerson(c)
    const version = await freezeVersion(c.get('deps'), actor, c.req.param('id'))
    return c.json({ number: version.number, hash: version.hash }, 201)
  })
  .get('/positions/:id/versions', (c) => {
    const { actor } = requirePerson(c)
    return c.json({ versions: versionsOf(c.get('deps'), actor, c.req.param('id')).map(presentVersionSummary) })
  })
  .get('/positions/:id/versions/:n', (c) => {
    const { actor } = requirePerson(c)
    return c.json(presentVersion(versionOf(c.get('deps'), actor, c.req.param('id'), versionParam(c.req.param('n')))))
  })
  .get('/positions/:id/diff', async (c) => {
    const { actor } = requirePerson(c)
    const query = readQuery(c, DiffQuery)
    const diff = await diffOf(c.get('deps'), actor, c.req.param('id'), query.from, query.to, c.get('locale'))
    return c.body(presentDiffJson(diff), 200, { 'Content-Type': 'application/json' })
  })
