import { Hono } from 'hono'
import { z } from 'zod'
import { DiffPage } from '../../web/views/versions/diff-page.tsx'
import { VersionPage } from '../../web/views/versions/version-page.tsx'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render } from '../http/render.tsx'
import { readQuery } from '../http/validate.ts'
import { amendmentsBetween, amendmentsOfVersion } from '../amendments/version-amendments.ts'
import { freezeVersion } from './freeze-version.ts'
import { diffOf, readablePosition, versionOf, versionsOf } from './read-versions.ts'

const Number1 = z.coerce.number<string>().int().min(1).max(1_000_000)
const DiffQuery = z.object({ from: z.string().max(10).pipe(Number1).optional(), to: z.string().max(10).pipe(Number1).optional() }).strict()

/** /positions/:id/versions/:n, /positions/:id/diff, and the freeze form's POST. */
export const versionsPages = new Hono<AppEnv>()
  .get('/positions/:id/versions/:n{[0-9]+}', (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    const position = readablePosition(c.get('deps'), actor, id)
    const v = versionOf(c.get('deps'), actor, id, Number(c.req.param('n')))
    return render(
      c,
      <VersionPage
        ctx={pageContext(c)}
        position={{ id, title: position.title }}
        version={{ number: v.number, hash: v.hash, html: v.html, createdAt: v.created_at, createdByName: v.created_by_name }}
        frozen={c.req.query('frozen') === '1'}
        amendments={amendmentsOfVersion(c.get('deps'), actor, id, v.number)}
      />,
    )
  })
  .get('/positions/:id/diff', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    const position = readablePosition(c.get('deps'), actor, id)
    const numbers = versionsOf(c.get('deps'), actor, id).map((v) => v.number)
    const query = readQuery(c, DiffQuery)
    // Without numbers: the newest version against the one before it.
    const to = query.to ?? numbers[0] ?? 1
    const from = query.from ?? Math.max(1, to - 1)
    const diff = await diffOf(c.get('deps'), actor, id, from, to, c.get('locale'))
    return render(c, <DiffPage ctx={pageContext(c)} position={{ id, title: position.title }} from={from} to={to} numbers={numbers} diffHtml={diff.diff.html} amendments={amendmentsBetween(c.get('deps'), actor, id, from, to)} />)
  })
  .post('/positions/:id/versions', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    const version = await freezeVersion(c.get('deps'), actor, id)
    return c.redirect(`/positions/${id}/versions/${version.number}?frozen=1`, 303)
  })
