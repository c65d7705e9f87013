import type { Context } from 'hono'
import { AppError } from '../../shared/errors.ts'
import type { MessageKey } from '../../shared/i18n/index.ts'
import type { AppEnv } from '../http/app-env.ts'

/** Field-specific messages for the domain's bare `validation` / `invalid_state` errors. */
const FIELD_MESSAGES: Record<string, MessageKey> = {
  reason: 'rounds.error.reason_required',
  choice: 'rounds.error.choice_invalid',
  initiativeId: 'rounds.error.initiative_required',
  closesAt: 'rounds.error.closes_at_invalid',
  majority: 'rounds.error.majority_consent',
  electorate: 'rounds.error.electorate_empty',
  versionNumber: 'rounds.error.version_not_found',
}

/** Runs a round domain call; errors about one field get a message that says what to do. */
export function withRoundMessages<T>(c: Context<AppEnv>, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof AppError && !error.hasOwnMessage && error.field && FIELD_MESSAGES[error.field]) {
      throw new AppError(error.code, c.var.t(FIELD_MESSAGES[error.field]!), error.field)
    }
    throw error
  }
}
