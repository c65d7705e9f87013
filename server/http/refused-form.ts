import type { Context } from 'hono'
import { z } from 'zod'
import { AppError, type ErrorCode } from '../../shared/errors.ts'
import type { FormProblem, FormValues } from '../../web/views/form/form-view.ts'
import type { AppEnv } from './app-env.ts'
import { setRetryAfter } from './error-handler.ts'
import { messageOf, type FieldMessages } from './error-message.ts'
import { errorStatus } from './error-status.ts'
import type { PageStatus } from './render.tsx'
import { readForm } from './validate.ts'

// The one way a refused form becomes a page again: the route runs its action through
// `submitForm`; a refusal (an AppError) comes back as the HTTP status of its code, the message in
// the person's language and the field it is about, and the page renders the form again with what
// was entered. Anything that is not a refusal keeps propagating to the error handler.

/** A refused form, ready for the page: its status, and the problem its fields show. */
export interface Refused {
  status: PageStatus
  problem: FormProblem
  error: AppError
}

export interface RefusalOptions {
  /** Messages that say what to do about a field, for refusals that name only the field. */
  messages?: FieldMessages
  /** Domain field names that the form calls differently (e.g. versionNumber → version). */
  fields?: Readonly<Record<string, string>>
  /**
   * Codes that go to the error page instead of the form. Default: a missing session, a foreign
   * origin, and something not found that is not about a field (the page itself is gone).
   */
  errorPage?: readonly ErrorCode[]
}

const TO_ERROR_PAGE: readonly ErrorCode[] = ['unauthenticated', 'csrf', 'not_found']

/** Turns a refusal into what the refused form shows (and sets Retry-After for `throttled`). */
export function refusal(c: Context<AppEnv>, error: AppError, options: RefusalOptions = {}): Refused {
  setRetryAfter(c, error)
  const field = error.field === undefined ? undefined : (options.fields?.[error.field] ?? error.field)
  const message = messageOf(c.get('t'), error, options.messages)
  return { status: errorStatus[error.code] as PageStatus, problem: { message, field }, error }
}

function shownOnForm(error: AppError, options: RefusalOptions): boolean {
  const toErrorPage = options.errorPage ?? TO_ERROR_PAGE
  if (!toErrorPage.includes(error.code)) return true
  return options.errorPage === undefined && error.code === 'not_found' && error.field !== undefined
}

export type Submitted<T> = { ok: true; value: T } | ({ ok: false } & Refused)

/**
 * Runs a form's action (reading the form included, so a malformed post is refused the same way).
 * A refusal comes back as a value for the page to render the form again; other errors propagate.
 */
export async function submitForm<T>(c: Context<AppEnv>, action: () => T | Promise<T>, options: RefusalOptions = {}): Promise<Submitted<T>> {
  try {
    return { ok: true, value: await action() }
  } catch (error) {
    if (error instanceof AppError && shownOnForm(error, options)) return { ok: false, ...refusal(c, error, options) }
    throw error
  }
}

const EnteredForm = z.record(z.string().max(100), z.union([z.string().max(100_000), z.array(z.string().max(100_000)).max(20)]))

/** The posted form as strings, kept so a refused form comes back with what was entered. */
export async function readEntered(c: Context<AppEnv>): Promise<FormValues> {
  return readForm(c, EnteredForm)
}
