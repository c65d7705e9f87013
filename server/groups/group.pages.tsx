import type { Context } from 'hono'
import { Hono } from 'hono'
import type { WorkingGroupRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can } from '../../shared/policy.ts'
import { GroupPage } from '../../web/views/group-page.tsx'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render } from '../http/render.tsx'
import { createPosition } from '../positions/create-position.ts'
import * as positionRepo from '../positions/position.repo.ts'
import { readTitleForm } from '../positions/title-form.ts'
import * as groupRepo from './group.repo.ts'

function groupPage(c: Context<AppEnv>, group: WorkingGroupRow, form: { title: string; error: string } | null = null, status: 200 | 400 = 200) {
  const { actor } = requirePerson(c)
  const { db } = c.get('deps')
  return render(
    c,
    <GroupPage
      ctx={pageContext(c)}
      group={{ name: group.name, slug: group.slug, description: group.description }}
      members={groupRepo.listGroupMembers(db, group.id)}
      positions={positionRepo.listPositions(db, [group.id])}
      canCreate={can(actor, { type: 'position.create', groupId: group.id })}
      form={form}
    />,
    status,
  )
}

function groupBySlug(c: Context<AppEnv>): WorkingGroupRow {
  return groupRepo.getGroupBySlug(c.get('deps').db, c.req.param('slug') ?? '') ?? fail('not_found')
}

/** /groups/:slug: a working group with its members and positions, and the "new position" form. */
export const groupPages = new Hono<AppEnv>()
  .get('/groups/:slug', (c) => {
    requirePerson(c)
    return groupPage(c, groupBySlug(c))
  })
  .post('/groups/:slug/positions', async (c) => {
    const { actor } = requirePerson(c)
    const group = groupBySlug(c)
    const form = await readTitleForm(c)
    if (!form.ok) return groupPage(c, group, { title: form.entered, error: form.message }, 400)
    // A refusal (not a member) goes to the error page: the form is only offered to members.
    const position = createPosition(c.get('deps'), actor, { groupId: group.id, title: form.title })
    return c.redirect(`/positions/${position.id}`, 303)
  })
