import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { getPerson } from '../people/person.repo.ts'
import { getPosition } from '../positions/position.repo.ts'
import type { RoundFlowExtras } from '../rounds/round-flow-props.ts'
import type { RoundFlow } from '../../web/views/rounds/round-flow.tsx'
import { amendmentExtensionsOf } from './amendment-round-change.repo.ts'
import { amendmentVoterSlots } from './amendment-voter-slots.ts'
import * as roundRepo from './amendment-round.repo.ts'
import { presentAmendmentRound } from './read-amendment-round.ts'
import type { AmendmentBallotPageData, AmendmentBallotVoter } from '../../web/views/amendments/amendment-ballot-page.tsx'

/** What the ballot page of an amendment round shows to this person; `extras` is what only this request knows (a late answer, a refused extend or cancel form). */
export function amendmentBallotPageData(deps: Deps, actor: Actor, roundId: string, extras: RoundFlowExtras = {}): AmendmentBallotPageData {
  const row = roundRepo.getAmendmentRound(deps.db, roundId) ?? fail('not_found')
  if (!can(actor, { type: 'position.read' })) fail('forbidden')
  const position = getPosition(deps.db, row.position_id) ?? fail('not_found')
  const round = presentAmendmentRound(deps, actor, row)
  const slots = round.status === 'open' ? amendmentVoterSlots(deps.db, row, actor.id) : []
  const voters = slots.map((slot) => ({
    key: slot.voter_key,
    name: row.electorate === 'initiatives' ? slot.label : null,
    ...(slot.blocked ? { blocked: true as const } : {}),
    ...(slot.proxyId ? { viaProxy: true as const } : {}),
    answered: row.secret === 1 ? roundRepo.hasParticipated(deps.db, row.id, slot.voter_key) : false,
    choices: round.myBallots.find((b) => b.voterKey === slot.voter_key)?.choices ?? {},
  }))
  const open = round.status === 'open'
  // The notices and the coordinator's forms of any round (web/views/rounds/round-flow.tsx).
  const flow: RoundFlow = {
    late: extras.late ?? null,
    shortNoticeReason: row.short_notice_reason,
    cancelled:
      row.status === 'cancelled' && row.cancelled_at !== null
        ? { at: row.cancelled_at, byName: row.cancelled_by ? (getPerson(deps.db, row.cancelled_by)?.name ?? '') : '', reason: row.cancel_reason ?? '' }
        : null,
    extensions: amendmentExtensionsOf(deps.db, row.id).map((x) => ({ from: x.previous_closes_at, to: x.closes_at, at: x.extended_at, byName: x.extended_by_name ?? '', reason: x.reason })),
    notYetAnswered: round.notYetAnswered && round.notYetAnsweredCount !== null ? { voters: round.notYetAnswered, count: round.notYetAnsweredCount } : null,
    answersHidden: false,
    canExtend: open && can(actor, { type: 'round.extend', groupId: position.group_id }),
    canCancel: open && can(actor, { type: 'round.cancel', groupId: position.group_id }),
    cancelHint: 'amendments.round.cancel.hint',
    changeForm: extras.changeForm,
    nudged: extras.nudged ?? null,
  }
  return {
    position: { id: position.id, title: position.title },
    round,
    voters,
    canClose: open && can(actor, { type: 'amendment.decide', groupId: position.group_id }),
    flow,
  }
}
