import type { BallotPageProps } from '../../web/views/rounds/ballot-page.tsx'
import type { PageContext } from '../../web/views/layout.tsx'
import { can, type Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { diffOf } from '../versions/read-versions.ts'
import { readRound } from './read-round.ts'
import { proxyFormProps } from '../proxies/proxy-form-props.ts'
import { parseSplit } from './split-answer.ts'
import { roundFlowProps, type RoundFlowExtras } from './round-flow-props.ts'

/** Everything the ballot page shows, read in one go (a due round shows as its close will store it). */
export async function ballotPageProps(deps: Deps, actor: Actor, ctx: PageContext, roundId: string, extras: RoundFlowExtras = {}): Promise<BallotPageProps> {
  const view = readRound(deps, actor, roundId)
  const { round } = view
  const previous = round.version_number - 1
  const diff = previous >= 1 ? { from: previous, html: (await diffOf(deps, actor, round.position_id, previous, round.version_number, ctx.locale)).diff.html } : null
  return {
    ctx,
    now: deps.now(),
    round: {
      id: round.id,
      kind: round.kind,
      electorate: round.electorate,
      majority: round.majority,
      quorum: round.quorum_bp / 10_000,
      secret: round.secret === 1,
      visibility: round.visibility,
      closesAt: round.closes_at,
      // A cancelled round ended when it was cancelled.
      closedAt: round.closed_at ?? round.cancelled_at,
      closed: view.closed,
      allowSplit: round.allow_split === 1,
    },
    position: { id: view.position.id, title: view.position.title },
    version: { number: view.version.number, hash: view.version.hash, html: view.version.html },
    comments: { canWrite: can(actor, { type: 'comment.write', groupId: view.position.group_id }) },
    diff,
    participation: view.participation,
    electorateSize: view.electorate,
    slots: view.myBallots.map((b) => ({
      voterKey: b.voterKey,
      label: b.label,
      answered: b.answered,
      choice: b.choice,
      reason: b.reason,
      castByName: b.castByName,
      castAt: b.castAt,
      castByOther: b.castById !== null && b.castById !== actor.id,
      ballotId: b.ballotId,
      weight: b.weight,
      viaProxy: b.viaProxy,
      handedOn: b.handedOn,
    })),
    proxies: view.proxies,
    proxyForms: proxyFormProps(deps.db, view),
    answers: view.answers?.map((a) => ({ voter: a.label, choice: a.choice, reason: a.reason, castByName: a.cast_by_name, split: parseSplit(a.split) })) ?? null,
    reasons: view.reasons,
    result: view.result,
    canClose: view.canClose,
    flow: roundFlowProps(view, extras),
  }
}
