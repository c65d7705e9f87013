import type { Db } from '../../db/connection.ts'
import type { RoundRow } from '../../db/schema/index.ts'
import type { RoundResult } from '../../shared/rules/outcome.ts'
import { secretDisclosure, showResult, type ShownResult } from '../../shared/rules/secret-disclosure.ts'
import { countedSecretBallots } from './ballot.repo.ts'

/**
 * A round's stored result cut down to what may be shown (see shared/rules/secret-disclosure.ts):
 * everything for open rounds; for secret ones what the close decided, or, for rounds closed
 * before that decision was stored, the same decision made now from the stored ballots' weights.
 */
export function shownResultOf(db: Db, round: Pick<RoundRow, 'id' | 'secret'>, result: RoundResult): ShownResult {
  if (round.secret !== 1) return showResult(result, 'full')
  const disclosure = result.disclosure ?? secretDisclosure(result, countedSecretBallots(db, round.id).map((b) => b.weight))
  return showResult(result, disclosure)
}
