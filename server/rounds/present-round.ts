import type { RoundRow } from '../../db/schema/index.ts'
import type { CastResult } from './cast-ballot.ts'
import { parseSplit } from './split-answer.ts'
import type { RoundSummary, RoundView } from './read-round.ts'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export function presentRoundSettings(round: RoundRow) {
  return {
    id: round.id,
    positionId: round.position_id,
    versionNumber: round.version_number,
    kind: round.kind,
    electorate: round.electorate,
    majority: round.majority,
    quorum: round.quorum_bp / 10_000,
    secret: round.secret === 1,
    visibility: round.visibility,
    shortNotice: round.short_notice_reason === null ? null : { reason: round.short_notice_reason },
    allowSplit: round.allow_split === 1,
    openedAt: iso(round.opened_at),
    closesAt: iso(round.closes_at),
    status: round.status,
    closedAt: iso(round.closed_at),
    outcome: round.outcome,
    cancelled: round.cancelled_at === null ? null : { at: iso(round.cancelled_at), by: round.cancelled_by, reason: round.cancel_reason },
  }
}

export function presentRound(view: RoundView) {
  return {
    ...presentRoundSettings(view.round),
    // A round past its deadline reads as closed even before the deadline job stored the close.
    status: view.round.status === 'cancelled' ? ('cancelled' as const) : view.closed ? ('closed' as const) : ('open' as const),
    position: { id: view.position.id, title: view.position.title, status: view.position.status },
    version: { number: view.version.number, hash: view.version.hash },
    openedBy: { id: view.round.opened_by, name: view.openedByName },
    closedBy: view.round.closed_by ? { id: view.round.closed_by, name: view.closedByName } : null,
    electorateSize: view.electorate,
    participation: view.participation,
    myBallots: view.myBallots.map((b) => ({
      voterKey: b.voterKey,
      voter: b.label,
      initiativeId: view.round.electorate === 'initiatives' ? b.voterKey : null,
      weight: b.weight,
      answered: b.answered,
      choice: b.choice,
      split: b.split,
      reason: b.reason,
      castAt: iso(b.castAt),
      castBy: b.castByName,
      castById: b.castById,
      ballotId: b.ballotId,
      viaProxy: b.viaProxy,
      handedOn: b.handedOn,
    })),
    proxies: view.proxies.map((p) => ({ id: p.id, initiative: p.initiative, to: p.to, roundOnly: p.roundOnly })),
    // Who has not answered yet, while the round is open (null after): not secret, even in secret rounds.
    notYetAnswered: view.notYetAnswered?.voters.map((v) => ({ id: v.id, name: v.name, delegates: v.delegates })) ?? null,
    notYetAnsweredCount: view.notYetAnswered?.count ?? null,
    extensions: view.extensions.map((x) => ({
      from: iso(x.previous_closes_at),
      to: iso(x.closes_at),
      reason: x.reason,
      at: iso(x.extended_at),
      by: { id: x.extended_by, name: x.extended_by_name },
    })),
    answers:
      view.answers?.map((a) => ({
        voterKey: a.voter_key,
        voter: a.label,
        weight: a.weight,
        choice: a.choice,
        split: parseSplit(a.split),
        reason: a.reason,
        castAt: iso(a.cast_at),
        castBy: { id: a.cast_by, name: a.cast_by_name },
      })) ?? null,
    reasons: view.reasons,
    canClose: view.canClose,
    canExtend: view.canExtend,
    canCancel: view.canCancel,
    result: view.result,
  }
}

export function presentRoundSummary(s: RoundSummary) {
  return { ...presentRoundSettings(s.round), electorateSize: s.electorate, participation: s.participation, reasons: s.reasons, result: s.result }
}

export function presentCast(cast: CastResult) {
  return {
    roundId: cast.roundId,
    voterKey: cast.voterKey,
    choice: cast.choice,
    split: cast.split,
    reason: cast.reason,
    castAt: iso(cast.castAt),
    changed: cast.changed,
    secret: cast.secret,
    ...(cast.threadId ? { threadId: cast.threadId } : {}),
  }
}
