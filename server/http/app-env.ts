import type { Actor } from '../../shared/policy.ts'
import type { Locale, Translate } from '../../shared/i18n/index.ts'
import type { PersonRow } from '../../db/schema/index.ts'
import type { Deps } from '../deps.ts'

/** The signed-in person as routes see them: the row plus the policy's view of their roles. */
export interface CurrentPerson {
  person: PersonRow
  actor: Actor
  sessionId: string
}

export interface AppEnv {
  Variables: {
    deps: Deps
    /** null for visitors without a (valid) session. */
    current: CurrentPerson | null
    locale: Locale
    t: Translate
    /** Per-request CSP nonce is not used: no inline scripts anywhere. */
  }
}
