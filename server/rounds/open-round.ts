import { newId } from '../../db/ids.ts'
import { isUniqueViolation, transaction } from '../../db/query.ts'
import type { RoundRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { Electorate, Majority, RoundKind } from '../../shared/rules/choices.ts'
import { quorumToBasisPoints } from '../../shared/rules/quorum.ts'
import { shortNoticeReasonFor } from '../../shared/rules/short-notice.ts'
import type { Visibility } from '../../shared/rules/visibility.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getPosition } from '../positions/position.repo.ts'
import { transition } from '../positions/transition.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import { freezeDraft, prepareFreeze } from '../versions/freeze-draft.ts'
import { getVersion } from '../versions/version.repo.ts'
import { hasVoters, insertElectorate } from './electorate.repo.ts'
import { getRound, insertRound, openRoundOfPosition } from './round.repo.ts'
import { closeDueRoundOf } from './close-round.ts'

export interface OpenRoundInput {
  kind: RoundKind
  electorate: Electorate
  /** Votes only; a vote without one uses `simple`. */
  majority?: Majority | undefined
  /** Fraction 0..1. */
  quorum: number
  /** Who sees the answers: open, hidden until the round closes, or secret. */
  visibility: Visibility
  /** Required when the deadline is under 24 hours away ("kurzfristig"); shown to voters. */
  shortNoticeReason?: string | undefined
  /** ms since epoch. */
  closesAt: number
  /** Decide on this existing version instead of freezing the draft. */
  versionNumber?: number | undefined
  /** Initiatives with a weight above 1 may split it among answers (shared/rules/split.ts). */
  allowSplit?: boolean | undefined
}

/** A round may run at most this long; beyond it a deadline is more likely a typo than a plan. */
export const MAX_ROUND_MS = 366 * 24 * 3600 * 1000

/**
 * Opens a round on a position: freezes the draft (unless a version is named), snapshots who may
 * vote with which weight, puts the position in_round and makes the draft read-only for everyone.
 * All in one transaction; the sync core is told after the commit.
 */
export async function openRound(deps: Deps, actor: Actor, positionId: string, input: OpenRoundInput): Promise<RoundRow> {
  if (input.kind === 'consent' && input.majority !== undefined) fail('validation', undefined, 'majority')
  if (input.allowSplit && input.electorate === 'members') fail('validation', { key: 'proxies.error.split_members' }, 'allowSplit')
  const now = deps.now()
  if (input.closesAt <= now || input.closesAt > now + MAX_ROUND_MS) fail('validation', undefined, 'closesAt')
  const quorumBp = quorumToBasisPoints(input.quorum)
  // A deadline people could miss needs a stated reason (shown to voters); otherwise none is kept.
  const shortNoticeReason = shortNoticeReasonFor(now, input.closesAt, input.shortNoticeReason)

  // A round past its deadline is closed first (a write needs the stored status current).
  closeDueRoundOf(deps, positionId)
  const check = () => {
    const position = getPosition(deps.db, positionId) ?? fail('not_found')
    if (!can(actor, { type: 'round.open', groupId: position.group_id })) fail('forbidden')
    if (openRoundOfPosition(deps.db, positionId) || position.status === 'in_round') fail('round_open')
    if (position.status !== 'drafting') fail('invalid_state')
    if (position.archived_at !== null) fail('position_archived')
    return position
  }
  // Refused before the draft is rendered (off the event loop, before the transaction), and
  // checked again inside the transaction, where the answer counts.
  check()
  const prepared = input.versionNumber === undefined ? await prepareFreeze(deps, positionId) : null
  const round = transaction(deps.db, () => {
    const position = check()

    if (!hasVoters(deps.db, input.electorate)) fail('invalid_state', undefined, 'electorate')

    const version =
      input.versionNumber === undefined
        ? freezeDraft(deps, positionId, actor.id, prepared)
        : (getVersion(deps.db, positionId, input.versionNumber) ?? fail('not_found', undefined, 'versionNumber'))

    const id = newId()
    try {
      insertRound(deps.db, {
        id,
        position_id: positionId,
        version_number: version.number,
        kind: input.kind,
        electorate: input.electorate,
        majority: input.kind === 'vote' ? (input.majority ?? 'simple') : null,
        quorum_bp: quorumBp,
        secret: input.visibility === 'secret' ? 1 : 0,
        visibility: input.visibility,
        short_notice_reason: shortNoticeReason,
        opened_by: actor.id,
        opened_at: now,
        closes_at: input.closesAt,
        allow_split: input.allowSplit ? 1 : 0,
      })
    } catch (error) {
      if (isUniqueViolation(error)) fail('round_open')
      throw error
    }
    const voters = insertElectorate(deps.db, id, input.electorate)
    transition(deps, position, 'open_round', actor.id)
    recordAudit(deps, {
      actorId: actor.id,
      action: 'round.open',
      objectType: 'round',
      objectId: id,
      data: {
        positionId,
        versionNumber: version.number,
        kind: input.kind,
        electorate: input.electorate,
        majority: input.kind === 'vote' ? (input.majority ?? 'simple') : null,
        quorum: quorumBp / 10_000,
        secret: input.visibility === 'secret',
        visibility: input.visibility,
        closesAt: input.closesAt,
        shortNoticeReason,
        ...(input.allowSplit ? { allowSplit: true } : {}),
        voters,
      },
    })
    queueNotification(deps, 'round_opened', { roundId: id })
    return getRound(deps.db, id) ?? fail('internal')
  })
  deps.events.emit('draft-readonly', { positionId, readonly: true })
  return round
}
