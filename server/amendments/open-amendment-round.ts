import { newId } from '../../db/ids.ts'
import { transaction } from '../../db/query.ts'
import type { AmendmentRoundRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { Electorate, Majority } from '../../shared/rules/choices.ts'
import { quorumToBasisPoints } from '../../shared/rules/quorum.ts'
import { shortNoticeReasonFor } from '../../shared/rules/short-notice.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import { getPosition } from '../positions/position.repo.ts'
import { MAX_ROUND_MS } from '../rounds/open-round.ts'
import * as amendmentRepo from './amendment.repo.ts'
import { draftPassages } from './draft-passages.ts'
import { passagesOverlap } from './overlap.ts'
import * as roundRepo from './amendment-round.repo.ts'

export interface OpenAmendmentRoundInput {
  amendmentIds: string[]
  electorate: Electorate
  majority: Majority
  /** Fraction 0..1, for each amendment separately. */
  quorum: number
  secret: boolean
  /** The coordinator's order: overlapping amendments are then voted on and merged in it. */
  ordered: boolean
  closesAt: number
  /** Required when the deadline is under 24 hours away ("kurzfristig"), as for any round; shown to voters. */
  shortNoticeReason?: string | undefined
}

/**
 * Puts open amendments of a position to a vote: each is voted on separately (yes / no /
 * abstain) with the round's majority and quorum, by the electorate snapshotted now. Unlike a
 * round on a version, the position keeps its status and its draft stays editable. Overlapping
 * amendments (overlap.ts: of different versions, compared in the live draft) are refused unless
 * the coordinator ordered them.
 */
export function openAmendmentRound(deps: Deps, actor: Actor, positionId: string, input: OpenAmendmentRoundInput): AmendmentRoundRow {
  const now = deps.now()
  if (input.closesAt <= now || input.closesAt > now + MAX_ROUND_MS) fail('validation', undefined, 'closesAt')
  const ids = [...new Set(input.amendmentIds)]
  if (ids.length === 0 || ids.length !== input.amendmentIds.length) fail('validation', undefined, 'amendmentIds')
  const quorumBp = quorumToBasisPoints(input.quorum)
  const shortNoticeReason = shortNoticeReasonFor(now, input.closesAt, input.shortNoticeReason)
  const position = getPosition(deps.db, positionId) ?? fail('not_found')
  if (!can(actor, { type: 'amendment.decide', groupId: position.group_id })) fail('forbidden')
  if (position.archived_at !== null) fail('position_archived')

  const id = newId()
  transaction(deps.db, () => {
    const found = new Map(amendmentRepo.amendmentsByIds(deps.db, ids).map((a) => [a.id, a]))
    const amendments = ids.map((a) => found.get(a) ?? fail('not_found', undefined, 'amendmentIds'))
    for (const a of amendments) {
      if (a.position_id !== positionId) fail('validation', { key: 'amendments.error.other_position' }, 'amendmentIds')
      if (a.status !== 'open' || a.round_id !== null) fail('amendment_decided', { key: 'amendments.error.not_open', params: { number: a.number, status: a.status } }, 'amendmentIds')
    }
    if (!input.ordered) {
      const texts = draftPassages(deps, positionId)
      for (let i = 0; i < amendments.length; i++) {
        for (let j = i + 1; j < amendments.length; j++) {
          const [a, b] = [amendments[i]!, amendments[j]!]
          // Of different versions and not to be aligned with the draft: treated as overlapping.
          if (passagesOverlap(texts, a, b) !== 'no') fail('amendments_overlap', { key: 'amendments.error.overlap', params: { first: Math.min(a.number, b.number), second: Math.max(a.number, b.number) } }, 'ordered')
        }
      }
    }
    roundRepo.insertAmendmentRound(deps.db, {
      id,
      position_id: positionId,
      electorate: input.electorate,
      majority: input.majority,
      quorum_bp: quorumBp,
      secret: input.secret ? 1 : 0,
      ordered: input.ordered ? 1 : 0,
      short_notice_reason: shortNoticeReason,
      opened_by: actor.id,
      opened_at: now,
      closes_at: input.closesAt,
    })
    roundRepo.insertItems(deps.db, id, ids)
    for (const a of amendments) if (!amendmentRepo.setRound(deps.db, a.id, id)) fail('amendment_decided')
    const voters = roundRepo.insertElectorate(deps.db, id, input.electorate)
    if (voters === 0) fail('invalid_state', undefined, 'electorate')
    recordAudit(deps, {
      actorId: actor.id,
      action: 'amendment_round.open',
      objectType: 'amendment_round',
      objectId: id,
      data: {
        positionId,
        amendments: amendments.map((a) => a.number),
        electorate: input.electorate,
        majority: input.majority,
        quorum: quorumBp / 10_000,
        secret: input.secret,
        ordered: input.ordered,
        closesAt: input.closesAt,
        shortNoticeReason,
        voters,
      },
    })
    // Told like any round: the ballot link, the deadline and its calendar file.
    queueNotification(deps, 'round_opened', { roundId: id })
  })
  return roundRepo.getAmendmentRound(deps.db, id) ?? fail('internal')
}
