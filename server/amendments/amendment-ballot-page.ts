import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { getInitiative } from '../initiatives/initiative.repo.ts'
import { getPosition } from '../positions/position.repo.ts'
import { delegateInitiativeIds } from '../rounds/electorate.repo.ts'
import * as roundRepo from './amendment-round.repo.ts'
import { presentAmendmentRound } from './read-amendment-round.ts'
import type { AmendmentBallotPageData, AmendmentBallotVoter } from '../../web/views/amendments/amendment-ballot-page.tsx'

/** What the ballot page of an amendment round shows to this person. */
export function amendmentBallotPageData(deps: Deps, actor: Actor, roundId: string): AmendmentBallotPageData {
  const row = roundRepo.getAmendmentRound(deps.db, roundId) ?? fail('not_found')
  if (!can(actor, { type: 'position.read' })) fail('forbidden')
  const position = getPosition(deps.db, row.position_id) ?? fail('not_found')
  const round = presentAmendmentRound(deps, actor, row)
  const candidates = row.electorate === 'initiatives' ? delegateInitiativeIds(deps.db, actor.id) : [actor.id]
  const slots = round.status === 'open' ? roundRepo.slotsOf(deps.db, row.id, candidates) : []
  const voters = slots.map((slot) => ({
    key: slot.voter_key,
    name: row.electorate === 'initiatives' ? (getInitiative(deps.db, slot.voter_key)?.name ?? null) : null,
    answered: row.secret === 1 ? roundRepo.hasParticipated(deps.db, row.id, slot.voter_key) : false,
    choices: round.myBallots.find((b) => b.voterKey === slot.voter_key)?.choices ?? {},
  }))
  return {
    position: { id: position.id, title: position.title },
    round,
    voters,
    canClose: round.status === 'open' && can(actor, { type: 'amendment.decide', groupId: position.group_id }),
  }
}
