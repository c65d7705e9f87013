import { newId } from '../../db/ids.ts'
import { isUniqueViolation } from '../../db/query.ts'
import type { BallotRow, RoundRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import type { Actor } from '../../shared/policy.ts'
import type { Split } from '../../shared/rules/split.ts'
import type { RoundResult } from '../../shared/rules/outcome.ts'
import { isClosed, isDue } from '../../shared/rules/round-clock.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { answerThread, type Passage } from '../comments/answer-thread.ts'
import { announce as announceComments } from '../comments/comment-access.ts'
import type { Deps } from '../deps.ts'
import { appendHistory, getBallot, hasParticipated, insertBallot, insertParticipation, insertSecretBallot, replaceBallot } from './ballot.repo.ts'
import { announce, closeInTransaction, timing } from './close-round.ts'
import { currentBallotId } from './pending-voters.repo.ts'
import { getRound } from './round.repo.ts'
import { answerNeedsReason, answerShape, splitJson } from './split-answer.ts'
import { storeSplit } from './split.repo.ts'
import { recordUse } from '../proxies/proxy.repo.ts'
import { voterSlotsOf } from './voter-slots.ts'

export interface CastBallotInput {
  /** One answer; or `split` instead (split-answer.ts). */
  choice?: string | undefined
  split?: Record<string, number> | undefined
  reason?: string | undefined
  /** Which initiative the delegate answers for, when they are a delegate of several in the electorate. */
  initiativeId?: string | undefined
  /**
   * The id of the answer the voter saw and means to replace (`ballotId` of the round's
   * myBallots), or null for "I saw no answer". When given and another delegate has answered
   * since, the ballot is refused with `ballot_changed`. Left out: no such check.
   */
  replaces?: string | null | undefined
  /** Confirms replacing an answer another delegate gave; without it that is `replace_unconfirmed`. */
  replace?: boolean | undefined
  /** An objection or concern pointed at a passage of the version: its reason becomes a comment thread there. */
  passage?: Passage | undefined
}

export interface CastResult {
  roundId: string
  voterKey: string
  choice: BallotRow['choice']
  /** A split vote, else null. */
  split: Split | null
  reason: string | null
  castAt: number
  /** true when an earlier answer of this voter was replaced. */
  changed: boolean
  secret: boolean
  /** The comment thread the reason was attached to (with `passage`). */
  threadId?: string
}

/**
 * Records a voter's answer. In open rounds casting again replaces the answer (that is how an
 * objection is changed or withdrawn) and the history keeps every answer; in secret rounds the
 * first answer is final and is stored apart from the fact that this voter answered.
 * Resolves once the ballot is committed (together with the other ballots of this event-loop
 * turn and the editor updates of that turn, each in its own savepoint: see db/turn-commit.ts).
 */
export async function castBallot(deps: Deps, actor: Actor, roundId: string, input: CastBallotInput): Promise<CastResult> {
  const outcome = await deps.turnCommit.run((): { cast: CastResult; positionId: string } | { closed: { round: RoundRow; result: RoundResult } } => {
    const round = getRound(deps.db, roundId) ?? fail('not_found')
    // A round past its deadline but still stored as open is closed here (the result is stored
    // when this transaction commits) and the ballot is refused after the commit: a refusal
    // thrown inside would roll the close back.
    if (isDue(timing(round), deps.now())) return { closed: { round, result: closeInTransaction(deps, round, null) } }
    return { cast: castInTransaction(deps, actor, round, input), positionId: round.position_id }
  })
  if ('closed' in outcome) {
    announce(deps, outcome.closed.round, outcome.closed.result)
    fail('round_closed')
  }
  if (outcome.cast.threadId) announceComments(deps, outcome.positionId)
  return outcome.cast
}

function castInTransaction(deps: Deps, actor: Actor, round: RoundRow, input: CastBallotInput): CastResult {
  const now = deps.now()
  if (isClosed(timing(round), now)) fail('round_closed')
  const answerFor = answerShape(round, input)
  const reason = input.reason?.trim() ? input.reason.trim() : null

  const slots = voterSlotsOf(deps.db, round, actor.id)
  let slot = slots[0]
  if (round.electorate === 'initiatives' && input.initiativeId !== undefined) {
    slot = slots.find((s) => s.voter_key === input.initiativeId) ?? fail('forbidden')
  } else if (slots.length > 1) fail('validation', undefined, 'initiativeId')
  if (!slot) fail('forbidden')
  if (slot.blocked) fail('proxy_active')
  const voterKey = slot.voter_key
  const answer = answerFor(slot.weight)
  const choice = answer.choice
  if (answerNeedsReason(answer) && reason === null) fail('validation', undefined, 'reason')

  if (round.secret === 1) {
    if (input.passage) fail('validation', { key: 'rounds.error.passage_secret' }, 'passage')
    if (hasParticipated(deps.db, round.id, voterKey)) fail('ballot_final')
    try {
      insertParticipation(deps.db, round.id, voterKey)
    } catch (error) {
      if (isUniqueViolation(error)) fail('ballot_final')
      throw error
    }
    insertSecretBallot(deps.db, { id: newId(), round_id: round.id, version_number: round.version_number, choice, reason, weight: slot.weight, split: splitJson(answer.split) })
    if (slot.proxyId) recordUse(deps.db, slot.proxyId, round.id, voterKey)
    recordAudit(deps, { actorId: actor.id, action: 'ballot.cast', objectType: 'round', objectId: round.id, data: { voter: voterKey, secret: true } })
    return { roundId: round.id, voterKey, choice, split: answer.split, reason, castAt: now, changed: false, secret: true }
  }

  const row: BallotRow = { round_id: round.id, voter_key: voterKey, version_number: round.version_number, choice, reason, cast_by: actor.id, cast_at: now }
  const before = getBallot(deps.db, round.id, voterKey)
  // Two delegates of one initiative: a colleague's answer is replaced only knowingly, and only the one that was seen.
  const colleague = before !== undefined && before.cast_by !== actor.id
  if (input.replaces !== undefined && colleague && input.replaces !== String(currentBallotId(deps.db, round.id, voterKey))) fail('ballot_changed')
  if (input.replaces !== undefined && input.replaces !== null && !before) fail('ballot_changed')
  if (colleague && input.replace !== true) fail('replace_unconfirmed', undefined, 'replace')
  if (before) replaceBallot(deps.db, row)
  else insertBallot(deps.db, row)
  appendHistory(deps.db, row, splitJson(answer.split))
  storeSplit(deps.db, round.id, voterKey, splitJson(answer.split))
  if (slot.proxyId) recordUse(deps.db, slot.proxyId, round.id, voterKey)
  recordAudit(deps, {
    actorId: actor.id,
    action: before ? 'ballot.change' : 'ballot.cast',
    objectType: 'round',
    objectId: round.id,
    data: { ...(before ? { voter: voterKey, from: before.choice, choice, reason } : { voter: voterKey, choice, reason }), ...(answer.split ? { split: answer.split } : {}) },
  })
  const thread = input.passage ? answerThread(deps, actor, round, choice, reason, input.passage) : undefined
  return { roundId: round.id, voterKey, choice, split: answer.split, reason, castAt: now, changed: before !== undefined, secret: false, ...(thread ? { threadId: thread.id } : {}) }
}
