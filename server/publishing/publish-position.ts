import { transaction } from '../../db/query.ts'
import type { PublicationRow } from '../../db/schema/index.ts'
import { SLUG_PATTERN } from '../../shared/slug.ts'
import { canonicalJson } from '../../shared/content/canonical-json.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { assertKnownContent } from '../content/assert-known-content.ts'
import { renderHtml } from '../content/render-html.ts'
import type { Deps } from '../deps.ts'
import { transition } from '../positions/transition.ts'
import { adoptedVersion, positionForPublishing } from './adoption.repo.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import { plainText } from './plain-text.ts'
import { getPublication, insertPublication, slugTaken } from './publication.repo.ts'
import { shownResultOf } from '../rounds/shown-result.ts'
import { adoptedRoundResult, publishedResultOf } from './published-result.ts'
import { closeDueRoundOf } from '../rounds/close-round.ts'

export interface PublishInput {
  summary?: string | undefined
}

/**
 * A spokesperson publishes an adopted position. The public text is the adopted version's stored
 * content, never the live draft; it is checked against the shared schema again and rendered to
 * HTML once, here, so public pages only ever serve what was stored now.
 */
export function publishPosition(deps: Deps, actor: Actor, positionId: string, input: PublishInput): PublicationRow {
  if (!can(actor, { type: 'position.publish' })) fail('forbidden')
  // A round past its deadline is closed first (a write needs the stored status current).
  closeDueRoundOf(deps, positionId)
  return transaction(deps.db, () => {
    const position = positionForPublishing(deps.db, positionId) ?? fail('not_found')
    // Withdrawn is the end of the lifecycle: a position is published at most once.
    if (position.status !== 'adopted' || getPublication(deps.db, position.id)) fail('not_adopted')
    const adopted = adoptedVersion(deps.db, positionId) ?? fail('not_adopted')

    let stored: unknown
    try {
      stored = JSON.parse(adopted.content)
    } catch {
      fail('unknown_content')
    }
    const content = assertKnownContent(stored)
    // The check may only confirm the stored text, never change it: what is published must be
    // byte for byte what was adopted (and what its hash covers).
    if (canonicalJson(content) !== adopted.content) fail('unknown_content')
    const html = renderHtml(content)

    const now = deps.now()
    const summary = (input.summary ?? '').trim()
    const row: PublicationRow = {
      position_id: position.id,
      slug: publicationSlug(deps, position.slug, position.id),
      title: position.title,
      summary,
      group_id: position.group_id,
      group_name: position.group_name,
      group_slug: position.group_slug,
      version_number: adopted.version_number,
      round_id: adopted.round_id,
      version_hash: adopted.hash,
      content: adopted.content,
      html,
      search_text: `${position.title} ${summary} ${plainText(content)}`.toLowerCase(),
      result: JSON.stringify(publishedResultOf(adopted, shownResultOf(deps.db, { id: adopted.round_id, secret: adopted.secret }, adoptedRoundResult(adopted)))),
      adopted_at: adopted.closed_at,
      published_at: now,
      published_by: actor.id,
      withdrawn_at: null,
      withdrawn_by: null,
      withdraw_reason: null,
      updated_at: now,
    }
    insertPublication(deps.db, row)
    transition(deps, position, 'publish', actor.id)
    recordAudit(deps, {
      actorId: actor.id,
      action: 'position.publish',
      objectType: 'position',
      objectId: position.id,
      data: { slug: row.slug, version: row.version_number, hash: row.version_hash, roundId: row.round_id },
    })
    queueNotification(deps, 'published', { positionId: position.id })
    return row
  })
}

/** The position's own slug when it is URL-clean (it always is when made by slugify), else a safe one. */
function publicationSlug(deps: Deps, positionSlug: string, positionId: string): string {
  const base = SLUG_PATTERN.test(positionSlug) ? positionSlug : `position-${positionId.toLowerCase().replace(/[^a-z0-9]/g, '')}`
  if (!slugTaken(deps.db, base)) return base
  return `${base}-${positionId.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 8)}`
}
