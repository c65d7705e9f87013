import { Hono } from 'hono'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { exportArchive } from './export-archive.ts'

/** The admin's download of the whole installation (the same document as `npm run cli -- export`). */
export const archivePages = new Hono<AppEnv>().get('/admin/archive.json', (c) => {
  const { actor } = requirePerson(c)
  const { archive, text } = exportArchive(c.get('deps'), actor)
  c.header('Content-Type', 'application/json; charset=utf-8')
  c.header('Content-Disposition', `attachment; filename="sprachrohr-archiv-${archive.exportedAt.slice(0, 10)}.json"`)
  c.header('Cache-Control', 'no-store')
  return c.body(text)
})
