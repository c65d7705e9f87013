import type { Context } from 'hono'
import { Hono } from 'hono'
import type { WorkingGroupRow } from '../../db/schema/index.ts'
import { ERROR_CODES, fail } from '../../shared/errors.ts'
import { can } from '../../shared/policy.ts'
import { GroupPage } from '../../web/views/group-page.tsx'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { submitForm } from '../http/refused-form.ts'
import { pageContext, render, type PageStatus } from '../http/render.tsx'
import { createPosition } from '../positions/create-position.ts'
import * as positionRepo from '../positions/position.repo.ts'
import { readTitleForm } from '../positions/title-form.ts'
import * as groupRepo from './group.repo.ts'

/** Only a refused title is shown on the form. */
const NOT_ON_THE_FORM = ERROR_CODES.filter((code) => code !== 'validation')

function groupPage(c: Context<AppEnv>, group: WorkingGroupRow, form: { title: string; error: string } | null = null, status: PageStatus = 200) {
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
    // A refusal other than of the title (not a member) goes to the error page: the form is only offered to members.
    const result = await submitForm(c, () => createPosition(c.get('deps'), actor, { groupId: group.id, title: form.title() }), { errorPage: NOT_ON_THE_FORM })
    if (!result.ok) return groupPage(c, group, { title: form.entered, error: result.problem.message }, result.status)
    return c.redirect(`/positions/${result.value.id}`, 303)
  })
