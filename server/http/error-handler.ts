import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { AppError, type ErrorBody } from '../../shared/errors.ts'
import { translator } from '../../shared/i18n/index.ts'
import type { AppEnv } from './app-env.ts'
import { messageOf } from './error-message.ts'
import { errorStatus } from './error-status.ts'

/** When a throttled caller may try again if the refusal itself does not say (seconds). */
export const DEFAULT_RETRY_AFTER_SECONDS = 60

/**
 * Every 429 says when to come back (RFC 9110 Retry-After, in seconds), whether it is answered
 * as JSON, as an error page or as a form shown again.
 */
export function setRetryAfter(c: Context<AppEnv>, error: unknown): void {
  if (error instanceof AppError && error.code === 'throttled') {
    c.header('Retry-After', String(error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS))
  }
}

/** Turns any error into `{ error: { code, message } }`; unexpected ones are logged, never leaked. */
export function toErrorBody(c: Context<AppEnv>, error: unknown): { status: number; body: ErrorBody } {
  const t = c.get('t') ?? translator('de')
  if (error instanceof AppError) {
    const message = messageOf(t, error)
    const body: ErrorBody = { error: { code: error.code, message } }
    if (error.field) body.error.field = error.field
    return { status: errorStatus[error.code], body }
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own 4xx (e.g. a body-limit hit) keep their status; we still answer in our shape.
    const code = error.status === 413 ? 'payload_too_large' : 'validation'
    return { status: error.status, body: { error: { code, message: t(`error.${code}`) } } }
  }
  c.get('deps')?.log.error('unhandled error', { path: c.req.path, method: c.req.method, error })
  return { status: 500, body: { error: { code: 'internal', message: t('error.internal') } } }
}
