import { newId } from '../../db/ids.ts'
import { isUniqueViolation } from '../../db/query.ts'
import type { AmendmentRoundRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import type { Actor } from '../../shared/policy.ts'
import { isClosed, isDue } from '../../shared/rules/round-clock.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { amendmentVoterSlots } from './amendment-voter-slots.ts'
import * as roundRepo from './amendment-round.repo.ts'
import { afterClose, closeAmendmentRoundInTransaction } from './close-amendment-round.ts'

export interface AmendmentBallotInput {
  /** One answer per amendment of the round. */
  choices: Record<string, roundRepo.AmendmentChoice>
  /** Which initiative the delegate answers for, when they are a delegate of several in the electorate. */
  initiativeId?: string | undefined
}

export interface AmendmentBallotResult {
  roundId: string
  voterKey: string
  choices: Record<string, roundRepo.AmendmentChoice>
  changed: boolean
  secret: boolean
}

const timing = (round: AmendmentRoundRow) => ({ status: round.status, closesAt: round.closes_at })

/**
 * Records a voter's answers on every amendment of a round, weighted like any ballot (the
 * initiative's weight, or 1 per member). Open rounds: answering again replaces the answers.
 * Secret rounds: the answers are stored apart from the fact that this voter answered, and final.
 * Committed with the other ballots of the event-loop turn (db/turn-commit.ts).
 */
export async function castAmendmentBallot(deps: Deps, actor: Actor, roundId: string, input: AmendmentBallotInput): Promise<AmendmentBallotResult> {
  const outcome = await deps.turnCommit.run((): { cast: AmendmentBallotResult } | { closed: AmendmentRoundRow } => {
    const round = roundRepo.getAmendmentRound(deps.db, roundId) ?? fail('not_found')
    if (isDue(timing(round), deps.now())) {
      closeAmendmentRoundInTransaction(deps, round, null)
      return { closed: round }
    }
    return { cast: castInTransaction(deps, actor, round, input) }
  })
  if ('closed' in outcome) {
    afterClose(deps, outcome.closed.id, null)
    fail('round_closed')
  }
  return outcome.cast
}

function castInTransaction(deps: Deps, actor: Actor, round: AmendmentRoundRow, input: AmendmentBallotInput): AmendmentBallotResult {
  const now = deps.now()
  if (isClosed(timing(round), now)) fail('round_closed')
  const items = roundRepo.itemsOf(deps.db, round.id)
  const keys = Object.keys(input.choices)
  if (keys.length !== items.length || items.some((item) => input.choices[item.amendment_id] === undefined)) {
    fail('validation', { key: 'amendments.error.choices' }, 'choices')
  }
  // As in any round: a delegate's initiatives, and a vote handed on to this person (proxies).
  const slots = amendmentVoterSlots(deps.db, round, actor.id)
  let slot = slots[0]
  if (round.electorate === 'initiatives' && input.initiativeId !== undefined) {
    slot = slots.find((s) => s.voter_key === input.initiativeId) ?? fail('forbidden')
  } else if (slots.length > 1) fail('validation', undefined, 'initiativeId')
  if (!slot) fail('forbidden')
  // The initiative's vote is handed on (or its proxy has answered): its own delegates may not answer.
  if (slot.blocked) fail('proxy_active')
  const voterKey = slot.voter_key
  if (slot.proxyId) roundRepo.recordProxyUse(deps.db, slot.proxyId, round.id, voterKey)

  if (round.secret === 1) {
    if (roundRepo.hasParticipated(deps.db, round.id, voterKey)) fail('ballot_final')
    try {
      roundRepo.insertParticipation(deps.db, round.id, voterKey)
    } catch (error) {
      if (isUniqueViolation(error)) fail('ballot_final')
      throw error
    }
    for (const item of items) {
      roundRepo.insertSecretBallot(deps.db, { id: newId(), round_id: round.id, amendment_id: item.amendment_id, choice: input.choices[item.amendment_id]!, weight: slot.weight })
    }
    recordAudit(deps, { actorId: actor.id, action: 'amendment_ballot.cast', objectType: 'amendment_round', objectId: round.id, data: { voter: voterKey, secret: true } })
    return { roundId: round.id, voterKey, choices: input.choices, changed: false, secret: true }
  }

  const before = roundRepo.ballotsOf(deps.db, round.id, voterKey)
  for (const item of items) {
    roundRepo.upsertBallot(deps.db, { round_id: round.id, voter_key: voterKey, amendment_id: item.amendment_id, choice: input.choices[item.amendment_id]!, cast_by: actor.id, cast_at: now })
  }
  recordAudit(deps, {
    actorId: actor.id,
    action: before.length ? 'amendment_ballot.change' : 'amendment_ballot.cast',
    objectType: 'amendment_round',
    objectId: round.id,
    data: { voter: voterKey, choices: input.choices },
  })
  return { roundId: round.id, voterKey, choices: input.choices, changed: before.length > 0, secret: false }
}
