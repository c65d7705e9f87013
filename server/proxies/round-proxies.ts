import type { Db } from '../../db/connection.ts'
import { delegateInitiativeNames, proxiesOfRound } from './proxy.repo.ts'

/** A proxy as the round shows it to everyone who can see the round: that it exists, never how it was used. */
export interface RoundProxy {
  id: string
  initiative: { id: string; name: string }
  to: { id: string; name: string; initiatives: string[] }
  /** Handed on for this round only (else for every round until revoked). */
  roundOnly: boolean
}

export function roundProxies(db: Db, roundId: string): RoundProxy[] {
  return proxiesOfRound(db, roundId).map((p) => ({
    id: p.id,
    initiative: { id: p.initiative_id, name: p.initiative_name },
    to: { id: p.to_person_id, name: p.to_name, initiatives: delegateInitiativeNames(db, p.to_person_id) },
    roundOnly: p.round_id !== null,
  }))
}
