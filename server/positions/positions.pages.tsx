import type { Context } from 'hono'
import { Hono } from 'hono'
import { ERROR_CODES, fail } from '../../shared/errors.ts'
import { can } from '../../shared/policy.ts'
import { canArchive } from '../../shared/rules/lifecycle.ts'
import { presenceColor } from '../../shared/presence-color.ts'
import { PositionPage } from '../../web/views/positions/position-page.tsx'
import { requirePerson } from '../auth/guards.ts'
import * as groupRepo from '../groups/group.repo.ts'
import type { AppEnv } from '../http/app-env.ts'
import { submitForm } from '../http/refused-form.ts'
import { pageContext, render, type PageStatus } from '../http/render.tsx'
import * as positionRepo from './position.repo.ts'
import { readDraft } from './read-draft.ts'
import { archivePosition } from './archive-position.ts'
import { renamePosition } from './rename-position.ts'
import { readTitleForm } from './title-form.ts'
import { publicationSlot } from '../publishing/position-slot.tsx'
import { decisionSlots } from '../rounds/position-slots.tsx'
import { effectivePosition } from '../rounds/effective-round.ts'

interface PageExtras {
  rename?: { title: string; error: string }
  renamed?: boolean
  archived?: boolean
  status?: PageStatus
}

async function positionPage(c: Context<AppEnv>, positionId: string, extras: PageExtras = {}) {
  const { person, actor } = requirePerson(c)
  const { db } = c.get('deps')
  const decision = decisionSlots(c, positionId)
  // A round past its deadline may have moved the position on, stored or not.
  const position = effectivePosition(c.get('deps'), positionRepo.getPosition(db, positionId) ?? fail('not_found'))
  const group = groupRepo.getGroup(db, position.group_id) ?? fail('not_found')
  const member = can(actor, { type: 'position.edit', groupId: group.id })
  // The sync server enforces the same rule; the page only chooses editor or reader view.
  const open = position.status === 'drafting' && position.draft_readonly === 0
  const locked = !open && (position.status === 'drafting' || position.status === 'in_round')
  const draft = await readDraft(c.get('deps'), position)
  return render(
    c,
    <PositionPage
      ctx={pageContext(c)}
      position={{ id: position.id, title: position.title, status: position.status }}
      group={{ name: group.name, slug: group.slug }}
      draftHtml={draft.html}
      mode={member && open ? 'edit' : 'read'}
      readonlyReason={member && open ? null : locked ? 'locked' : member ? null : 'reader'}
      member={member}
      user={{ id: person.id, name: person.name, color: presenceColor(person.id) }}
      canRename={member && position.status === 'drafting' && position.archived_at === null}
      archive={{
        archivedAt: position.archived_at,
        can: can(actor, { type: 'position.archive', groupId: group.id }) && canArchive(position.status) && position.archived_at === null,
        justArchived: extras.archived ?? false,
      }}
      nextStep={
        position.status === 'adopted' && can(actor, { type: 'round.close', groupId: group.id })
          ? { spokespersons: positionRepo.spokespersonNames(db) }
          : null
      }
      comments={{ canWrite: open && can(actor, { type: 'comment.write', groupId: group.id }) }}
      rename={extras.rename ?? null}
      renamed={extras.renamed ?? false}
      slots={{ ...decision, publication: publicationSlot(c, position.id) }}
    />,
    extras.status ?? 200,
  )
}

/** /positions/:id: the position with its live draft, and the rename form. */
export const positionsPages = new Hono<AppEnv>()
  .get('/positions/:id', (c) => positionPage(c, c.req.param('id'), { renamed: c.req.query('renamed') === '1', archived: c.req.query('archived') === '1' }))
  .post('/positions/:id/archive', (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    // Refusals (not the coordinator, a round running) go to the error page with their message.
    archivePosition(c.get('deps'), actor, id)
    return c.redirect(`/positions/${id}?archived=1`, 303)
  })
  .post('/positions/:id/title', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    const form = await readTitleForm(c)
    // Refusals other than of the title (not a member, no longer drafting) go to the error page: the form was not offered.
    const result = await submitForm(c, () => renamePosition(c.get('deps'), actor, id, form.title()), { errorPage: ERROR_CODES.filter((code) => code !== 'validation') })
    if (!result.ok) return positionPage(c, id, { rename: { title: form.entered, error: result.problem.message }, status: result.status })
    return c.redirect(`/positions/${id}?renamed=1`, 303)
  })
