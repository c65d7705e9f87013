/**
 * The lifecycle of a position:
 *
 *   drafting ──open round──▶ in_round ──close: adopted──▶ adopted ──publish──▶ published ──withdraw──▶ withdrawn
 *       ▲                       │
 *       └──close: not adopted───┤
 *       └──cancel───────────────┘   (no result; the draft is editable again)
 *   (any status but in_round) ──archive──▶ the same status, archived: out of the lists, records kept
 *
 * (Same strings as db/schema/positions.ts; shared/ must not import db/.)
 */
export const POSITION_STATUSES = ['drafting', 'in_round', 'adopted', 'published', 'withdrawn'] as const
export type LifecycleStatus = (typeof POSITION_STATUSES)[number]

export type LifecycleEvent = 'open_round' | 'close_adopted' | 'close_not_adopted' | 'cancel' | 'publish' | 'withdraw' | 'archive'

const TRANSITIONS: Record<LifecycleStatus, Partial<Record<LifecycleEvent, LifecycleStatus>>> = {
  drafting: { open_round: 'in_round' },
  in_round: { close_adopted: 'adopted', close_not_adopted: 'drafting', cancel: 'drafting' },
  adopted: { publish: 'published' },
  published: { withdraw: 'withdrawn' },
  withdrawn: {},
}

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextStatus(status: LifecycleStatus, event: LifecycleEvent): LifecycleStatus | null {
  // Archiving keeps the status (where the position ended) and only takes it out of the lists.
  if (event === 'archive') return canArchive(status) ? status : null
  return TRANSITIONS[status][event] ?? null
}

/** Any position can be archived except one being decided: a running round must end first. */
export function canArchive(status: LifecycleStatus): boolean {
  return status !== 'in_round'
}

export function canTransition(from: LifecycleStatus, to: LifecycleStatus): boolean {
  return Object.values(TRANSITIONS[from]).includes(to)
}

/** Only a position in drafting has an editable draft: during a round and after adoption the text is fixed. */
export function draftReadonlyIn(status: LifecycleStatus): boolean {
  return status !== 'drafting'
}
