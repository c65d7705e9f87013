import type { PublishPanelData } from '../../web/views/public/publish-panel.tsx'
import type { CoSignChoice } from '../../web/views/public/co-sign-forms.tsx'
import type { CoSignOffer } from '../../web/views/public/co-sign-offers.tsx'
import type { PublicListItem } from '../../web/views/public/public-list-page.tsx'
import { can, type Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { effectiveStatus } from '../rounds/effective-round.ts'
import { coSignOffers, delegateInitiatives, positionForPublishing } from './adoption.repo.ts'
import { publicUrlOf } from './present-publication.ts'
import { getPublication, listPublications, type PublicationSummaryRow } from './publication.repo.ts'
import { signedInitiatives } from './signature.repo.ts'
import { embedPublisher, readAlliance } from '../alliance/read-alliance.ts'

// Data for the publishing blocks other pages show (the position page, the start page).

/** The spokesperson panel of a position, or null when the actor may neither publish nor withdraw. */
export function publishPanelData(deps: Deps, actor: Actor, positionId: string): PublishPanelData | null {
  if (!can(actor, { type: 'position.publish' }) && !can(actor, { type: 'position.withdraw' })) return null
  const position = positionForPublishing(deps.db, positionId)
  if (!position) return null
  const pub = getPublication(deps.db, positionId)
  return {
    positionId,
    // A round past its deadline may have adopted it, stored or not.
    status: (effectiveStatus(deps, positionId, position.status)?.status ?? position.status) as PublishPanelData['status'],
    publication: pub
      ? {
          slug: pub.slug,
          url: publicUrlOf(deps.config.publicUrl, pub.slug),
          publishedAt: pub.published_at,
          withdrawnAt: pub.withdrawn_at,
          withdrawReason: pub.withdraw_reason,
        }
      : null,
    publicUrl: deps.config.publicUrl,
    publisher: embedPublisher(readAlliance(deps.db, deps.config.publicUrl)),
  }
}

/** Co-sign buttons for a published position: one per initiative the person is a delegate of. */
export function coSignChoices(deps: Pick<Deps, 'db'>, personId: string, positionId: string): CoSignChoice[] {
  const pub = getPublication(deps.db, positionId)
  if (!pub || pub.withdrawn_at !== null) return []
  const initiatives = delegateInitiatives(deps.db, personId)
  const signed = signedInitiatives(deps.db, positionId, initiatives.map((i) => i.id))
  return initiatives.map((i) => ({ initiativeId: i.id, name: i.name, signed: signed.has(i.id) }))
}

/** Start page: published positions the person's initiatives agreed to and have not co-signed yet. */
export function coSignOffersFor(deps: Pick<Deps, 'db'>, personId: string): CoSignOffer[] {
  const initiatives = delegateInitiatives(deps.db, personId)
  const byPosition = new Map<string, CoSignOffer>()
  for (const row of coSignOffers(deps.db, initiatives.map((i) => i.id))) {
    let offer = byPosition.get(row.position_id)
    if (!offer) {
      offer = { positionId: row.position_id, slug: row.slug, title: row.title, groupName: row.group_name, publishedAt: row.published_at, initiatives: [] }
      byPosition.set(row.position_id, offer)
    }
    offer.initiatives.push({ initiativeId: row.initiative_id, name: row.initiative_name })
  }
  return [...byPosition.values()]
}

/** Start page: the newest publications. */
export function recentlyPublished(deps: Pick<Deps, 'db'>, limit = 5): PublicListItem[] {
  return listPublications(deps.db, { limit }).map(toListItem)
}

/** A publication as a line of a list (start page, /p). */
export function toListItem(row: PublicationSummaryRow): PublicListItem {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    groupName: row.group_name,
    publishedAt: row.published_at,
    withdrawnAt: row.withdrawn_at,
  }
}
