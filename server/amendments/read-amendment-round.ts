import type { AmendmentRoundRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { RoundResult } from '../../shared/rules/outcome.ts'
import { basisPointsToQuorum } from '../../shared/rules/quorum.ts'
import { isDue } from '../../shared/rules/round-clock.ts'
import type { Deps } from '../deps.ts'
import { notYetAnswered } from '../rounds/not-yet-answered.ts'
import { amendmentVoterSlots } from './amendment-voter-slots.ts'
import * as amendmentRepo from './amendment.repo.ts'
import * as roundRepo from './amendment-round.repo.ts'
import { amendmentExtensionsOf } from './amendment-round-change.repo.ts'
import { countItems } from './close-amendment-round.ts'
import type { AmendmentRoundJson } from '../../shared/amendments/amendment-round-json.ts'


export type { AmendmentRoundJson }

const iso = (ms: number) => new Date(ms).toISOString()

/** An amendment round as its ballot page and the API show it. */
export function readAmendmentRound(deps: Deps, actor: Actor, roundId: string): AmendmentRoundJson {
  const round = roundRepo.getAmendmentRound(deps.db, roundId) ?? fail('not_found')
  if (!can(actor, { type: 'position.read' })) fail('forbidden')
  return presentAmendmentRound(deps, actor, round)
}

export function presentAmendmentRound(deps: Deps, actor: Actor, round: AmendmentRoundRow): AmendmentRoundJson {
  const due = isDue({ status: round.status, closesAt: round.closes_at }, deps.now())
  const closed = round.status !== 'open' || due
  const items = roundRepo.itemsOf(deps.db, round.id)
  const totals = roundRepo.electorateTotals(deps.db, round.id)
  const answered = roundRepo.answeredCount(deps.db, round)
  // That somebody answered is not secret (only what), so secret rounds list them too.
  const pending = closed ? null : notYetAnswered(deps.db, { ...round, amendments: true }, { electorate: totals.count, answered })
  const preview = due ? new Map(countItems(deps, round).map((i) => [i.amendmentId, i.result])) : null
  const amendments = new Map(amendmentRepo.amendmentsByIds(deps.db, items.map((i) => i.amendment_id)).map((a) => [a.id, a]))
  const mine = round.secret === 1 || closed ? [] : amendmentVoterSlots(deps.db, round, actor.id).filter((slot) => !slot.blocked)
  return {
    id: round.id,
    kind: 'amendments',
    positionId: round.position_id,
    electorate: round.electorate,
    majority: round.majority,
    quorum: basisPointsToQuorum(round.quorum_bp),
    secret: round.secret === 1,
    ordered: round.ordered === 1,
    openedAt: iso(round.opened_at),
    closesAt: iso(round.closes_at),
    status: round.status === 'cancelled' ? 'cancelled' : closed ? 'closed' : 'open',
    closedAt: round.closed_at !== null ? iso(round.closed_at) : due ? iso(round.closes_at) : null,
    shortNoticeReason: round.short_notice_reason,
    extensions: amendmentExtensionsOf(deps.db, round.id).map((x) => ({ from: iso(x.previous_closes_at), to: iso(x.closes_at), at: iso(x.extended_at), reason: x.reason })),
    cancelledAt: round.cancelled_at !== null ? iso(round.cancelled_at) : null,
    cancelReason: round.cancel_reason,
    voters: totals,
    answered,
    notYetAnswered: pending?.voters ?? null,
    notYetAnsweredCount: pending?.count ?? null,
    amendments: items.map((item) => {
      const a = amendments.get(item.amendment_id)
      const result = preview?.get(item.amendment_id) ?? (item.result ? (JSON.parse(item.result) as RoundResult) : null)
      return {
        id: item.amendment_id,
        number: a?.number ?? 0,
        quote: a?.quote ?? '',
        text: a?.text ?? '',
        status: a?.status ?? 'open',
        outcome: result?.outcome ?? null,
        result,
      }
    }),
    myBallots: mine.map((slot) => ({
      voterKey: slot.voter_key,
      choices: Object.fromEntries(roundRepo.ballotsOf(deps.db, round.id, slot.voter_key).map((b) => [b.amendment_id, b.choice])),
    })),
  }
}
