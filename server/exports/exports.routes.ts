import { stringify } from 'csv-stringify/sync'
import { Hono } from 'hono'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { roundResultTable } from './round-result-table.ts'

/** Mounted under /api. */
export const exportsRoutes = new Hono<AppEnv>().get('/rounds/:id/result.csv', (c) => {
  const { actor } = requirePerson(c)
  const { table, fileName } = roundResultTable(c.get('deps'), actor, c.req.param('id'))
  // The byte order mark makes spreadsheet programs read the file as UTF-8.
  const csv = stringify(table, { bom: true, record_delimiter: 'windows' })
  c.header('Content-Type', 'text/csv; charset=utf-8')
  c.header('Content-Disposition', `attachment; filename="${fileName}.csv"`)
  c.header('Cache-Control', 'no-store')
  return c.body(csv)
})
