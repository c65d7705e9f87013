import type { Deps } from '../deps.ts'
import { createFirstAdminLink } from './setup-links.ts'

/**
 * On a fresh installation nobody can log in yet: print a one-time link that creates the first
 * admin in the browser. Printed as plain lines (not a log record) so it stands out in the console.
 * Returns the link, or null when an admin exists.
 */
export function announceFirstAdminLink(deps: Deps, print: (line: string) => void = console.log): string | null {
  const link = createFirstAdminLink(deps)
  if (!link) return null
  const until = new Date(link.expiresAt).toISOString().slice(0, 16).replace('T', ' ')
  print('')
  print(`Noch keine Administration eingerichtet. Einmaliger Einrichtungslink (gültig bis ${until} UTC):`)
  print(`No administrator set up yet. One-time setup link (valid until ${until} UTC):`)
  print(`  ${link.url}`)
  print('')
  return link.url
}
