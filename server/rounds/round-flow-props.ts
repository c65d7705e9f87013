import { z } from 'zod'
import type { RoundFlow } from '../../web/views/rounds/round-flow.tsx'
import type { RoundView } from './read-round.ts'

/** What only this request knows: a late answer, a refused extend or cancel form. */
export interface RoundFlowExtras {
  late?: string | null
  changeForm?: RoundFlow['changeForm']
  /** How many people the coordinator's nudge reached, read back after its redirect. */
  nudged?: number | null
}

const NudgedQuery = z.coerce.number().int().min(0).max(1_000_000)

/** `?nudged=N` after the nudge form's redirect (any round): the confirmation's count (anything else: no confirmation). */
export function nudgedFrom(query: string | undefined): number | null {
  return NudgedQuery.safeParse(query).data ?? null
}

/** The ballot page's notices around answering, read from the round's view. */
export function roundFlowProps(view: RoundView, extras: RoundFlowExtras = {}): RoundFlow {
  const { round } = view
  return {
    late: extras.late ?? null,
    shortNoticeReason: round.short_notice_reason,
    cancelled:
      round.status === 'cancelled' && round.cancelled_at !== null
        ? { at: round.cancelled_at, byName: view.cancelledByName ?? '', reason: round.cancel_reason ?? '' }
        : null,
    extensions: view.extensions.map((x) => ({ from: x.previous_closes_at, to: x.closes_at, at: x.extended_at, byName: x.extended_by_name, reason: x.reason })),
    notYetAnswered: view.notYetAnswered,
    answersHidden: !view.closed && round.visibility === 'until_close',
    canExtend: view.canExtend,
    canCancel: view.canCancel,
    changeForm: extras.changeForm,
    nudged: extras.nudged ?? null,
  }
}
