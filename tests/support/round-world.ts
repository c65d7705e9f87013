import { writeDraft } from './drafts.ts'
import { addToGroup, addToInitiative, buildGroup, buildInitiative, buildPerson, buildPosition, sessionCookie } from './factories.ts'
import type { TestApp, TestClient } from './test-app.ts'

export interface Delegate {
  personId: string
  initiativeId: string
  client: TestClient
}

export interface RoundWorld {
  groupId: string
  positionId: string
  coordinator: TestClient
  coordinatorId: string
  /** One delegate per initiative, in the order of `weights`. */
  delegates: Delegate[]
}

/**
 * A working group with a coordinator, initiatives with the given weights (one delegate each) and
 * a position in drafting whose draft has some text.
 */
export function buildRoundWorld(t: TestApp, opts: { weights?: number[]; draft?: string[] } = {}): RoundWorld {
  const groupId = buildGroup(t.db).id
  const coordinator = buildPerson(t.db, { name: 'Koordination' })
  addToGroup(t.db, groupId, coordinator.id, true)
  const delegates = (opts.weights ?? [1, 1, 1, 1]).map((weight) => {
    const initiative = buildInitiative(t.db, { weight })
    const person = buildPerson(t.db)
    addToInitiative(t.db, initiative.id, person.id, 'delegate')
    return { personId: person.id, initiativeId: initiative.id, client: t.client.as(sessionCookie(t.db, person.id, t.clock.now())) }
  })
  const positionId = buildPosition(t.db, { groupId, createdBy: coordinator.id }).id
  writeDraft(t.db, positionId, opts.draft ?? ['Wir fordern bezahlbaren Wohnraum für alle.'])
  return { groupId, positionId, coordinator: t.client.as(sessionCookie(t.db, coordinator.id, t.clock.now())), coordinatorId: coordinator.id, delegates }
}

export const HOUR = 3600_000
export const DAY = 24 * HOUR

/** Opens a round through the API and returns its id (throws with the body when refused). */
export async function openRoundVia(t: TestApp, world: RoundWorld, body: Record<string, unknown> = {}): Promise<string> {
  const res = await world.coordinator.post(`/api/positions/${world.positionId}/rounds`, {
    kind: 'consent',
    electorate: 'initiatives',
    quorum: 0.5,
    secret: false,
    closesAt: new Date(t.clock.now() + 7 * DAY).toISOString(),
    ...body,
  })
  if (res.status !== 201) throw new Error(`opening the round failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}
