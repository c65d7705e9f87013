import { api, apiLogin, expectStatus, type ApiClient } from './api.ts'
import type { E2eServer } from './server.ts'

export interface Account {
  name: string
  email: string
  password: string
}

/** The alliance's first admin, whom most tests create through the setup link and who sets up the rest. */
export const FIRST_ADMIN: Account = { name: 'Aylin Demir', email: 'aylin@buendnis.example', password: 'Kaffee am Hafen um halb acht' }

/** The setup link the server printed at its first start (only a fresh data directory prints one). */
export async function printedSetupLink(server: E2eServer): Promise<string> {
  const match = await server.waitForOutput(/(https?:\/\/\S+\/setup\/[A-Za-z0-9._~-]+)/)
  return match[1]!
}

/**
 * Creates the first admin through the printed setup link, the way a browser would post the
 * form, and returns an API client logged in as that admin. For tests that need an admin but
 * are not about the setup page.
 */
export async function seedFirstAdmin(server: E2eServer & { origin?: string }, admin: Account = FIRST_ADMIN): Promise<ApiClient> {
  const link = await printedSetupLink(server)
  const res = await api(server).form(new URL(link).pathname, {
    name: admin.name,
    email: admin.email,
    password: admin.password,
    password2: admin.password,
  })
  expectStatus(res, 303, 'first admin setup')
  return api(server, await apiLogin(server, admin.email, admin.password))
}

/** Creates a person who can log in right away (password set by the admin), returns their id. */
export async function seedPerson(
  admin: ApiClient,
  person: Account & { roles?: Array<'admin' | 'spokesperson'> },
): Promise<string> {
  const body = expectStatus(await admin.post('/api/people', person), 201, `create person ${person.email}`)
  return (body as { id: string }).id
}
