import type { Db } from '../../db/connection.ts'
import { all, first } from '../../db/query.ts'
import type { PositionStatus } from '../../db/schema/index.ts'

// Reads what publishing needs from the tables of positions, versions and rounds. Kept here (not
// in their repositories) so that publishing depends on their schema only, not on their code.

export interface PositionForPublishing {
  id: string
  slug: string
  title: string
  status: PositionStatus
  group_id: string
  group_name: string
  group_slug: string
}

export function positionForPublishing(db: Db, positionId: string): PositionForPublishing | undefined {
  return first(
    db,
    db.q
      .selectFrom('positions')
      .innerJoin('working_groups', 'working_groups.id', 'positions.group_id')
      .select([
        'positions.id',
        'positions.slug',
        'positions.title',
        'positions.status',
        'positions.group_id',
        'working_groups.name as group_name',
        'working_groups.slug as group_slug',
      ])
      .where('positions.id', '=', positionId),
  )
}

export interface AdoptedVersion {
  round_id: string
  kind: 'consent' | 'vote'
  electorate: 'initiatives' | 'members'
  majority: 'simple' | 'two_thirds' | 'absolute' | null
  /** 1 for a secret round: its result is published only as far as it may be shown. */
  secret: number
  closed_at: number
  /** JSON of shared/rules/outcome.ts RoundResult. */
  result: string
  version_number: number
  /** Canonical JSON of the version's ProseMirror document. */
  content: string
  hash: string
}

/** The version the latest adopting round decided on, with that round's stored result. */
export function adoptedVersion(db: Db, positionId: string): AdoptedVersion | undefined {
  const row = first(
    db,
    db.q
      .selectFrom('rounds')
      .innerJoin('versions', (join) =>
        join.onRef('versions.position_id', '=', 'rounds.position_id').onRef('versions.number', '=', 'rounds.version_number'),
      )
      .select([
        'rounds.id as round_id',
        'rounds.kind',
        'rounds.electorate',
        'rounds.majority',
        'rounds.secret',
        'rounds.closed_at',
        'rounds.result',
        'versions.number as version_number',
        'versions.content',
        'versions.hash',
      ])
      .where('rounds.position_id', '=', positionId)
      .where('rounds.status', '=', 'closed')
      .where('rounds.outcome', '=', 'adopted')
      .orderBy('rounds.closed_at', 'desc')
      .limit(1),
  )
  if (!row || row.closed_at === null || row.result === null) return undefined
  return { ...row, closed_at: row.closed_at, result: row.result }
}

/** Initiatives a person is a delegate of (active ones only), with their names. */
export function delegateInitiatives(db: Db, personId: string): Array<{ id: string; name: string }> {
  return all(
    db,
    db.q
      .selectFrom('initiative_memberships')
      .innerJoin('initiatives', 'initiatives.id', 'initiative_memberships.initiative_id')
      .select(['initiatives.id', 'initiatives.name'])
      .where('initiative_memberships.person_id', '=', personId)
      .where('initiative_memberships.role', '=', 'delegate')
      .where('initiatives.active', '=', 1)
      .orderBy('initiatives.name'),
  )
}

export function initiativeName(db: Db, initiativeId: string): string | undefined {
  return first(db, db.q.selectFrom('initiatives').select('name').where('id', '=', initiativeId))?.name
}

export interface CoSignOfferRow {
  position_id: string
  slug: string
  title: string
  group_name: string
  published_at: number
  initiative_id: string
  initiative_name: string
}

/**
 * Published, not withdrawn positions that an initiative agreed to (consent, consent with concern,
 * or yes) in the round that adopted them, and has not co-signed yet. Secret rounds are left out:
 * their ballots cannot be traced to an initiative, which is the point of them.
 */
export function coSignOffers(db: Db, initiativeIds: readonly string[], limit = 20): CoSignOfferRow[] {
  if (initiativeIds.length === 0) return []
  return all(
    db,
    db.q
      .selectFrom('publications')
      .innerJoin('rounds', 'rounds.id', 'publications.round_id')
      .innerJoin('ballots', 'ballots.round_id', 'rounds.id')
      .innerJoin('initiatives', 'initiatives.id', 'ballots.voter_key')
      .select([
        'publications.position_id',
        'publications.slug',
        'publications.title',
        'publications.group_name',
        'publications.published_at',
        'initiatives.id as initiative_id',
        'initiatives.name as initiative_name',
      ])
      .where('publications.withdrawn_at', 'is', null)
      .where('rounds.electorate', '=', 'initiatives')
      .where('rounds.secret', '=', 0)
      .where('ballots.voter_key', 'in', [...initiativeIds])
      .where('ballots.choice', 'in', ['consent', 'concern', 'yes'])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('signatures')
              .select('signatures.position_id')
              .whereRef('signatures.position_id', '=', 'publications.position_id')
              .whereRef('signatures.initiative_id', '=', 'ballots.voter_key'),
          ),
        ),
      )
      .orderBy('publications.published_at', 'desc')
      .orderBy('initiatives.name')
      .limit(limit),
  )
}
