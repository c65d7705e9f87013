import { expectStatus, type ApiClient } from './api.ts'
import { seedPerson, type Account } from './seed.ts'

// The alliance's structure over the API, by an admin: working groups, initiatives, and who
// belongs where. For tests that need them but are not about the admin pages.

/** Creates a working group, returns its id. */
export async function seedGroup(admin: ApiClient, group: { name: string; description?: string }): Promise<string> {
  return (expectStatus(await admin.post('/api/groups', group), 201, 'group') as { id: string }).id
}

/** Creates an initiative (weight 1 unless given), returns its id. */
export async function seedInitiative(admin: ApiClient, initiative: { name: string; weight?: number }): Promise<string> {
  return (expectStatus(await admin.post('/api/initiatives', initiative), 201, 'initiative') as { id: string }).id
}

/** Makes a person a delegate (or a plain member, who may read along but not decide) of an initiative. */
export async function addToInitiative(admin: ApiClient, initiativeId: string, personId: string, role: 'delegate' | 'member' = 'delegate'): Promise<void> {
  expectStatus(await admin.post(`/api/initiatives/${initiativeId}/members`, { personId, role }), 201, 'initiative member')
}

/** Makes a person a member (or the coordinator) of a working group. */
export async function addToGroup(admin: ApiClient, groupId: string, personId: string, coordinator = false): Promise<void> {
  expectStatus(await admin.post(`/api/groups/${groupId}/members`, { personId, coordinator }), 201, 'group member')
}

/**
 * Creates a person who can log in, makes them a delegate of `initiativeId` and, with `groupId`,
 * a member (or the coordinator) of that group. Returns their id.
 */
export async function seedDelegate(
  admin: ApiClient,
  person: Account,
  where: { initiativeId: string; groupId?: string; coordinator?: boolean },
): Promise<string> {
  const id = await seedPerson(admin, person)
  await addToInitiative(admin, where.initiativeId, id)
  if (where.groupId) await addToGroup(admin, where.groupId, id, where.coordinator ?? false)
  return id
}
