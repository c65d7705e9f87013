import type { Context } from 'hono'
import { AppError } from '../../shared/errors.ts'
import type { MessageKey } from '../../shared/i18n/index.ts'
import type { AppEnv } from '../http/app-env.ts'

/** Field-specific messages for the domain's bare `validation` / `invalid_state` errors. */
export const ROUND_FIELD_MESSAGES: Record<string, MessageKey> = {
  reason: 'rounds.error.reason_required',
  choice: 'rounds.error.choice_invalid',
  initiativeId: 'rounds.error.initiative_required',
  closesAt: 'rounds.error.closes_at_invalid',
  majority: 'rounds.error.majority_consent',
  electorate: 'rounds.error.electorate_empty',
  versionNumber: 'rounds.error.version_not_found',
}

/** Runs a round domain call (sync or async); errors about one field get a message that says what to do. */
export function withRoundMessages<T>(c: Context<AppEnv>, fn: () => T): T {
  try {
    const result = fn()
    if (result instanceof Promise) return result.catch((error: unknown) => Promise.reject(explained(c, error))) as T
    return result
  } catch (error) {
    throw explained(c, error)
  }
}

function explained(c: Context<AppEnv>, error: unknown): unknown {
  if (error instanceof AppError && !error.hasOwnMessage && error.field && ROUND_FIELD_MESSAGES[error.field]) {
    return new AppError(error.code, c.get('t')(ROUND_FIELD_MESSAGES[error.field]!), error.field)
  }
  return error
}
