import type { PositionRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { draftReadonlyIn, nextStatus, type LifecycleEvent, type LifecycleStatus } from '../../shared/rules/lifecycle.ts'
import type { Deps } from '../deps.ts'
import { setPositionStatus } from './position.repo.ts'

/** What `transition` needs to know of a position: which one, and the status the caller read. */
export type PositionState = Pick<PositionRow, 'id' | 'status'>

/**
 * The one owner of the position lifecycle: every status change (open, close, cancel, publish,
 * withdraw, archive) goes through here, inside the caller's transaction. The rules are those of
 * shared/rules/lifecycle.ts; the write is a compare-and-set on the status the caller read, so
 * of two requests that raced on the same position exactly one moves it and the other is refused
 * with `status_changed` (rolling back whatever else its transaction wrote).
 *
 * `by` is the person responsible (recorded for archiving); null for the deadline job. `at` is
 * when it happened (a round closed by its deadline ended at the deadline).
 * Returns the new status. Announcing the change to the sync core is the caller's business,
 * after the commit.
 */
export function transition(deps: Deps, position: PositionState, event: LifecycleEvent, by: string | null, at = deps.now()): LifecycleStatus {
  const to = nextStatus(position.status, event) ?? fail(event === 'archive' ? 'archive_in_round' : 'invalid_state')
  const moved = setPositionStatus(deps.db, position.id, {
    from: position.status,
    to,
    draftReadonly: draftReadonlyIn(to),
    at,
    archive: event === 'archive' ? { by: by ?? fail('internal') } : null,
  })
  if (!moved) fail('status_changed')
  return to
}
