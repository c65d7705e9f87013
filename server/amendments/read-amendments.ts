import { isDue } from '../../shared/rules/round-clock.ts'
import * as roundRepo from './amendment-round.repo.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { getPosition } from '../positions/position.repo.ts'
import { listVersions } from '../versions/version.repo.ts'
import * as amendmentRepo from './amendment.repo.ts'
import { presentAmendment, type AmendmentJson } from './present-amendment.ts'
import { canReply, discussionsOf, threadJson, type AmendmentThreadJson } from './amendment-discussion.ts'

/** An amendment in the list, with its discussion (a comment thread). */
export type AmendmentListJson = AmendmentJson & { thread: AmendmentThreadJson | null }

export interface AmendmentsJson {
  amendments: AmendmentListJson[]
  canPropose: boolean
  canDecide: boolean
}

/** A position's amendments by number, with supporters, for anyone who may read the position. */
export function readAmendments(deps: Deps, actor: Actor, positionId: string): AmendmentsJson {
  const position = getPosition(deps.db, positionId) ?? fail('not_found')
  if (!can(actor, { type: 'position.read' })) fail('forbidden')
  const supports = amendmentRepo.listSupports(deps.db, positionId)
  const discussions = discussionsOf(deps, positionId)
  return {
    amendments: amendmentRepo.listAmendments(deps.db, positionId).map((row) => ({ ...presentAmendment(row, supports), thread: threadJson(discussions.get(row.id)) })),
    canPropose: can(actor, { type: 'amendment.propose', groupId: position.group_id }),
    canDecide: can(actor, { type: 'amendment.decide', groupId: position.group_id }),
  }
}

/** One amendment as the list shows it. */
export function readAmendment(deps: Deps, id: string): AmendmentListJson {
  const row = amendmentRepo.getAmendment(deps.db, id) ?? fail('not_found')
  return { ...presentAmendment(row, amendmentRepo.listSupports(deps.db, row.position_id)), thread: threadJson(discussionsOf(deps, row.position_id).get(row.id)) }
}

/** What the amendments page shows: the position, its amendments, its versions, what the reader may do. */
export function amendmentsPageData(deps: Deps, actor: Actor, positionId: string) {
  const position = getPosition(deps.db, positionId) ?? fail('not_found')
  const { amendments, canPropose, canDecide } = readAmendments(deps, actor, positionId)
  const discussions = discussionsOf(deps, positionId)
  return {
    position: { id: position.id, title: position.title },
    amendments: amendments.map((a) => ({ ...a, discussion: discussions.get(a.id) ?? null })),
    canReply: canReply(actor, position.group_id),
    versions: listVersions(deps.db, positionId)
      .map((v) => v.number)
      .sort((a, b) => a - b),
    canPropose: canPropose && position.archived_at === null && (position.status === 'drafting' || position.status === 'in_round'),
    canDecide,
    myInitiatives: actor.initiatives.filter((i) => i.role === 'delegate').map((i) => i.initiativeId),
    rounds: roundLinks(deps, positionId, amendments),
  }
}

/** The position's amendment rounds, newest first, with the numbers of their amendments. */
function roundLinks(deps: Deps, positionId: string, amendments: ReadonlyArray<{ id: string; number: number }>) {
  const numbers = new Map(amendments.map((a) => [a.id, a.number]))
  return roundRepo
    .amendmentRoundsOf(deps.db, positionId)
    .reverse()
    .map((round) => ({
      id: round.id,
      status: round.status === 'closed' || isDue({ status: round.status, closesAt: round.closes_at }, deps.now()) ? ('closed' as const) : ('open' as const),
      numbers: roundRepo.itemsOf(deps.db, round.id).map((i) => numbers.get(i.amendment_id) ?? 0),
    }))
}
