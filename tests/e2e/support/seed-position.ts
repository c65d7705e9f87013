import { expectStatus, type ApiClient } from './api.ts'

/** Creates a position in a working group as `author` (a member of it, or an admin), returns its id. */
export async function seedPosition(author: ApiClient, groupId: string, title: string): Promise<string> {
  return (expectStatus(await author.post('/api/positions', { groupId, title }), 201, 'position') as { id: string }).id
}

/**
 * Opens a round on a position's draft as `coordinator` (POST /api/positions/:id/rounds; `round`
 * is that body: kind, quorum, closesAt as ISO text, …), returns the round's id.
 */
export async function seedRound(coordinator: ApiClient, positionId: string, round: Record<string, unknown>): Promise<string> {
  return (expectStatus(await coordinator.post(`/api/positions/${positionId}/rounds`, round), 201, 'round') as { id: string }).id
}
