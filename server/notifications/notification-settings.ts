import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { DEFAULT_MODES, ESSENTIAL_KINDS, NOTIFICATION_KINDS, type NotificationKind, type NotificationMode } from '../../shared/notifications/kinds.ts'
import type { Deps } from '../deps.ts'
import { settingsOf, storeSetting } from './notification.repo.ts'

export type NotificationSettings = Record<NotificationKind, NotificationMode>

/** Every kind with the person's choice, or the default where they never chose. */
export function readSettings(deps: Pick<Deps, 'db'>, personId: string): NotificationSettings {
  const chosen = settingsOf(deps.db, personId)
  const out = {} as NotificationSettings
  for (const kind of NOTIFICATION_KINDS) out[kind] = ESSENTIAL_KINDS.includes(kind) ? 'immediate' : (chosen.get(kind) ?? DEFAULT_MODES[kind])
  return out
}

/** Stores the given kinds' modes (others stay). Mails that reach an account at all cannot be changed. */
export function updateSettings(deps: Deps, personId: string, input: Partial<NotificationSettings>): NotificationSettings {
  return transaction(deps.db, () => {
    for (const [kind, mode] of Object.entries(input) as Array<[NotificationKind, NotificationMode]>) {
      if (ESSENTIAL_KINDS.includes(kind)) {
        if (mode !== 'immediate') fail('validation', undefined, kind)
        continue
      }
      storeSetting(deps.db, personId, kind, mode)
    }
    return readSettings(deps, personId)
  })
}
