import { AppError } from '../../shared/errors.ts'

/**
 * Runs a form's action; an AppError (bad input, wrong password, throttled…) comes back as a value
 * so the page can re-render the form with the message and what was entered. Anything else is a
 * real fault and keeps propagating to the error handler.
 */
export async function attempt<T>(action: () => T | Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: AppError }> {
  try {
    return { ok: true, value: await action() }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error }
    throw error
  }
}
