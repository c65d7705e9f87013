import type { Deps } from '../deps.ts'
import { lastEventHash } from './audit.repo.ts'

/**
 * The hash of the audit event that published a position. Whoever keeps a copy of the public
 * JSON can later check the log against it (`verify-audit` and the event's hash): a record
 * changed after the copy no longer leads to this hash.
 */
export function publicationEventHash(deps: Pick<Deps, 'db'>, positionId: string): string | null {
  return lastEventHash(deps.db, 'position.publish', positionId)
}
