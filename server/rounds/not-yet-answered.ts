import type { Db } from '../../db/connection.ts'
import type { RoundRow } from '../../db/schema/index.ts'
import { proxyHoldersIn } from '../proxies/proxy.repo.ts'
import { delegatesOf, pendingVoters } from './pending-voters.repo.ts'

/** A member electorate can be large: the page and the API name at most this many. */
export const PENDING_LIST_MAX = 500

export interface PendingVoter {
  /** The initiative's id (electorate "initiatives") or the person's id (electorate "members"). */
  id: string
  name: string
  /**
   * Electorate "initiatives": who can answer for it (its delegates now, or, while its vote is
   * handed on, only the proxy holder, marked `proxy`); empty for members.
   */
  delegates: Array<{ id: string; name: string; proxy?: true }>
}

export interface NotYetAnswered {
  voters: PendingVoter[]
  /** How many have not answered, also those beyond the list. */
  count: number
}

/**
 * Who has not answered an open round (on a version, or `amendments`) yet, so a coordinator can chase them. That somebody has
 * voted is not secret (only what), so secret rounds list them too.
 */
export function notYetAnswered(
  db: Db,
  round: Pick<RoundRow, 'id' | 'secret' | 'electorate'> & { amendments?: boolean },
  counts: { electorate: number; answered: number },
): NotYetAnswered {
  const secret = round.secret === 1
  const count = counts.electorate - counts.answered
  const pending = count > 0 ? pendingVoters(db, round.id, round.electorate, secret, PENDING_LIST_MAX, round.amendments) : []
  if (round.electorate === 'members') pending.sort((a, b) => a.name.localeCompare(b.name))
  const ids = round.electorate === 'initiatives' ? pending.map((p) => p.id) : []
  const delegates = delegatesOf(db, ids)
  // A's own delegates may not answer while its vote is handed on: the holder answers for A.
  const holders = proxyHoldersIn(db, round.id, ids)
  return {
    count,
    voters: pending.map((p) => {
      const holder = holders.find((h) => h.initiative_id === p.id)
      return {
        id: p.id,
        name: p.name,
        delegates: holder
          ? [{ id: holder.id, name: holder.name, proxy: true as const }]
          : delegates.filter((d) => d.initiative_id === p.id).map((d) => ({ id: d.id, name: d.name })),
      }
    }),
  }
}
