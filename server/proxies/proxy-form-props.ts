import type { Db } from '../../db/connection.ts'
import { getPerson } from '../people/person.repo.ts'
import type { RoundView } from '../rounds/read-round.ts'
import { activeProxyOf, proxyCandidates } from './proxy.repo.ts'

export interface ProxyFormProps {
  roundId: string
  initiatives: Array<{
    id: string
    name: string
    /** The proxy in force, with whether it can still be revoked (not used in an open round). */
    current: { id: string; toName: string; roundOnly: boolean } | null
    candidates: Array<{ id: string; label: string }>
  }>
}

/** For the round page: the initiatives this person answers for themselves, and whom each could hand its vote to. */
export function proxyFormProps(db: Db, view: RoundView): ProxyFormProps | null {
  if (view.closed || view.round.electorate !== 'initiatives') return null
  const own = view.myBallots.filter((b) => !b.viaProxy && (!b.answered || b.handedOn))
  if (own.length === 0) return null
  return {
    roundId: view.round.id,
    initiatives: own.map((b) => {
      const proxy = activeProxyOf(db, b.voterKey)
      return {
        id: b.voterKey,
        name: b.label,
        current: proxy ? { id: proxy.id, toName: getPerson(db, proxy.to_person_id)?.name ?? '', roundOnly: proxy.round_id !== null } : null,
        candidates: proxyCandidates(db, b.voterKey).map((c) => ({ id: c.id, label: `${c.name} (${c.initiative})` })),
      }
    }),
  }
}
