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
import { readUpload } from '../http/read-upload.ts'
import { submitForm } from '../http/refused-form.ts'
import type { Dropped, DroppedKind } from '../imports/html-cleanup.ts'
import { MAX_IMPORT_BYTES } from '../imports/file-to-content.ts'
import { importIntoDraft } from '../imports/import-into-draft.ts'
import { z } from 'zod'
import { pageContext, render, type PageStatus } from '../http/render.tsx'
import * as positionRepo from './position.repo.ts'
import { readDraft } from './read-draft.ts'
import { archivePosition } from './archive-position.ts'
import { renamePosition } from './rename-position.ts'
import { readTitleForm } from './title-form.ts'
import { publicationSlot } from '../publishing/position-slot.tsx'
import { decisionSlots } from '../rounds/position-slots.tsx'
import { effectivePosition } from '../rounds/effective-round.ts'

const DraftImportBody = z.strictObject({})

interface PageExtras {
  rename?: { title: string; error: string }
  /** A refused upload into the draft, or what an import just left out. */
  draftImport?: { error: string | null; done: Dropped[] | null }
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
      draftImport={
        member && open && (extras.draftImport || isEmptyDraft(draft.html))
          ? { offered: isEmptyDraft(draft.html) || Boolean(extras.draftImport?.error), error: extras.draftImport?.error ?? null, done: extras.draftImport?.done ?? null }
          : null
      }
      rename={extras.rename ?? null}
      renamed={extras.renamed ?? false}
      slots={{ ...decision, publication: publicationSlot(c, position.id) }}
    />,
    extras.status ?? 200,
  )
}

/** The draft holds no text yet (empty paragraphs do not count): a file's text may go in. */
function isEmptyDraft(html: string): boolean {
  return html.replace(/<[^>]*>/g, '').trim() === ''
}

const DROPPED_KINDS: readonly string[] = ['table', 'image', 'comment', 'tracked_change', 'link', 'footnote', 'code'] satisfies DroppedKind[]

/** `table:2,image:1`, as the redirect after an import carries what was left out. */
function droppedParam(dropped: readonly Dropped[]): string {
  return dropped.map((d) => `${d.kind}:${d.count}`).join(',')
}

function readDroppedParam(param: string | undefined): Dropped[] | null {
  if (param === undefined) return null
  return param
    .split(',')
    .map((part) => /^([a-z_]{1,20}):(\d{1,7})$/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null && DROPPED_KINDS.includes(m[1]!))
    .map((m) => ({ kind: m[1] as DroppedKind, count: Number(m[2]) }))
}

/** /positions/:id: the position with its live draft, the rename form and the import into an empty draft. */
export const positionsPages = new Hono<AppEnv>()
  .get('/positions/:id', (c) => {
    const done = readDroppedParam(c.req.query('imported'))
    return positionPage(c, c.req.param('id'), {
      renamed: c.req.query('renamed') === '1',
      archived: c.req.query('archived') === '1',
      draftImport: done ? { error: null, done } : undefined,
    })
  })
  .post('/positions/:id/draft/import', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    const result = await submitForm(
      c,
      async () => {
        const { file } = await readUpload(c, DraftImportBody, MAX_IMPORT_BYTES)
        return importIntoDraft(c.get('deps'), actor, id, file)
      },
      // Not a member, or the position gone: the form was not offered; to the error page.
      { errorPage: ['unauthenticated', 'csrf', 'not_found', 'forbidden'] },
    )
    if (!result.ok) return positionPage(c, id, { draftImport: { error: result.problem.message, done: null }, status: result.status })
    return c.redirect(`/positions/${id}?imported=${encodeURIComponent(droppedParam(result.value.dropped))}`, 303)
  })
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
