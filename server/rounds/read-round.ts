import type { PositionRow, RoundRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { Choice } from '../../shared/rules/choices.ts'
import { isClosed } from '../../shared/rules/round-clock.ts'
import type { ShownResult } from '../../shared/rules/secret-disclosure.ts'
import { answersShown } from '../../shared/rules/visibility.ts'
import type { Totals } from '../../shared/rules/tally.ts'
import type { Deps } from '../deps.ts'
import { getPerson } from '../people/person.repo.ts'
import { getVersion } from '../versions/version.repo.ts'
import {
  answersOf,
  answeredKeys,
  getBallot,
  openParticipation,
  secretParticipation,
  secretReasons,
  type AnswerRow,
} from './ballot.repo.ts'
import { storedResult, timing } from './close-round.ts'
import { effectivePosition, effectiveRound } from './effective-round.ts'
import { currentBallotId } from './pending-voters.repo.ts'
import { notYetAnswered, type NotYetAnswered } from './not-yet-answered.ts'
import { getPosition } from '../positions/position.repo.ts'
import { extensionsOf, type ExtensionRow } from './round-change.repo.ts'
import { getRound, roundsOfPosition } from './round.repo.ts'
import { shownResultOf } from './shown-result.ts'
import { voterSlotsOf } from './voter-slots.ts'
import { parseSplit } from './split-answer.ts'
import { roundProxies, type RoundProxy } from '../proxies/round-proxies.ts'
import { splitOf } from './split.repo.ts'
import type { Split } from '../../shared/rules/split.ts'

export interface MyBallot {
  voterKey: string
  /** The initiative's name (electorate "initiatives") or the person's own name. */
  label: string
  weight: number
  answered: boolean
  /** The answer, in open rounds only: a secret answer is not linked to its voter anywhere. */
  choice: Choice | null
  /** A split vote (open rounds only, like the answer). */
  split: Split | null
  reason: string | null
  castAt: number | null
  castByName: string | null
  castById: string | null
  /** Identifies the current answer, so a replacing ballot can say which one it replaces. */
  ballotId: string | null
  /** This person answers for the initiative through a proxy (server/proxies). */
  viaProxy: boolean
  /** The initiative's vote is handed on: its own delegates may not answer. */
  handedOn: boolean
}

export interface RoundReason {
  choice: Choice
  reason: string
  /** Who gave it; null in secret rounds. */
  voter: string | null
}

export interface RoundView {
  round: RoundRow
  position: PositionRow
  version: { number: number; hash: string; html: string; content: string }
  openedByName: string
  closedByName: string | null
  /** Closed, or past its deadline (then `round` reads as its close will store it). */
  closed: boolean
  electorate: Totals
  participation: Totals
  myBallots: MyBallot[]
  /** Who answered what; only in open rounds, and in hidden ones once they have closed. */
  answers: AnswerRow[] | null
  /** While the round is open: the voters still to answer (null once it has ended). */
  notYetAnswered: NotYetAnswered | null
  extensions: ExtensionRow[]
  /** Votes handed on in this round (public, also in secret rounds: never how they were used). */
  proxies: RoundProxy[]
  cancelledByName: string | null
  /** Objections and concerns with reasons (secret rounds: only after close, without names). */
  reasons: RoundReason[]
  /** As far as it may be shown (secret rounds: see secret-disclosure.ts). */
  result: ShownResult | null
  canClose: boolean
  canExtend: boolean
  canCancel: boolean
}

function shownResult(deps: Deps, round: RoundRow): ShownResult | null {
  const stored = storedResult(round)
  return stored && shownResultOf(deps.db, round, stored)
}

export function readRound(deps: Deps, actor: Actor, roundId: string): RoundView {
  if (!can(actor, { type: 'position.read' })) fail('forbidden')
  const round = effectiveRound(deps, getRound(deps.db, roundId) ?? fail('not_found'))
  const position = effectivePosition(deps, getPosition(deps.db, round.position_id) ?? fail('not_found'))
  const version = getVersion(deps.db, round.position_id, round.version_number) ?? fail('internal')
  const secret = round.secret === 1
  const closed = isClosed(timing(round), deps.now())
  const shown = answersShown(round.visibility, closed, round.status === 'cancelled')

  const slots = voterSlotsOf(deps.db, round, actor.id)
  const answered = answeredKeys(deps.db, round.id, secret, slots.map((s) => s.voter_key))
  const myBallots = slots.map((slot): MyBallot => {
    const ballot = secret ? undefined : getBallot(deps.db, round.id, slot.voter_key)
    return {
      voterKey: slot.voter_key,
      label: slot.label,
      weight: slot.weight,
      answered: answered.has(slot.voter_key),
      choice: ballot?.choice ?? null,
      split: ballot ? parseSplit(splitOf(deps.db, round.id, slot.voter_key)) : null,
      reason: ballot?.reason ?? null,
      castAt: ballot?.cast_at ?? null,
      castByName: ballot ? (getPerson(deps.db, ballot.cast_by)?.name ?? null) : null,
      castById: ballot?.cast_by ?? null,
      ballotId: ballot ? String(currentBallotId(deps.db, round.id, slot.voter_key)) : null,
      viaProxy: slot.proxyId !== undefined,
      handedOn: slot.blocked === true,
    }
  })

  const answers = shown ? answersOf(deps.db, round.id, round.electorate) : null
  const reasons: RoundReason[] = !shown
    ? closed && secret
      ? secretReasons(deps.db, round.id)
          .filter((r) => r.choice === 'objection' || r.choice === 'concern')
          .map((r) => ({ ...r, voter: null }))
      : []
    : (answers ?? []).filter((a) => a.reason !== null && a.reason !== '').map((a) => ({ choice: a.choice, reason: a.reason ?? '', voter: a.label }))

  const electorate = deps.caches.electorateTotals.of(round.id)
  const participation = secret ? secretParticipation(deps.db, round.id) : openParticipation(deps.db, round.id)
  return {
    round,
    position,
    version: { number: version.number, hash: version.hash, html: version.html, content: version.content },
    openedByName: getPerson(deps.db, round.opened_by)?.name ?? '',
    closedByName: round.closed_by ? (getPerson(deps.db, round.closed_by)?.name ?? null) : null,
    closed,
    electorate,
    participation,
    myBallots,
    answers,
    notYetAnswered: closed ? null : notYetAnswered(deps.db, round, { electorate: electorate.count, answered: participation.count }),
    extensions: extensionsOf(deps.db, round.id),
    proxies: roundProxies(deps.db, round.id),
    cancelledByName: round.cancelled_by ? (getPerson(deps.db, round.cancelled_by)?.name ?? null) : null,
    reasons,
    result: shownResult(deps, round),
    canClose: !closed && can(actor, { type: 'round.close', groupId: position.group_id }),
    canExtend: !closed && can(actor, { type: 'round.extend', groupId: position.group_id }),
    canCancel: !closed && can(actor, { type: 'round.cancel', groupId: position.group_id }),
  }
}

export interface RoundSummary {
  round: RoundRow
  /** As far as it may be shown (secret rounds: see secret-disclosure.ts). */
  result: ShownResult | null
  electorate: Totals
  participation: Totals
  reasons: RoundReason[]
}

/** The rounds of a position, newest first, with their results (a due round as its close will store it). */
export function roundHistory(deps: Deps, actor: Actor, positionId: string): RoundSummary[] {
  if (!can(actor, { type: 'position.read' })) fail('forbidden')
  if (!getPosition(deps.db, positionId)) fail('not_found')
  return roundsOfPosition(deps.db, positionId).map((stored) => {
    const round = effectiveRound(deps, stored)
    const secret = round.secret === 1
    const closed = round.status !== 'open'
    const reasons: RoundReason[] = !answersShown(round.visibility, closed, round.status === 'cancelled')
      ? closed && secret
        ? secretReasons(deps.db, round.id).map((r) => ({ ...r, voter: null }))
        : []
      : answersOf(deps.db, round.id, round.electorate)
          .filter((a) => a.reason)
          .map((a) => ({ choice: a.choice, reason: a.reason ?? '', voter: a.label }))
    return {
      round,
      result: shownResult(deps, round),
      electorate: deps.caches.electorateTotals.of(round.id),
      participation: secret ? secretParticipation(deps.db, round.id) : openParticipation(deps.db, round.id),
      reasons: reasons.filter((r) => r.choice === 'objection' || r.choice === 'concern'),
    }
  })
}
