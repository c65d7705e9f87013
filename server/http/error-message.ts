import type { AppError, ErrorDetail } from '../../shared/errors.ts'
import type { MessageKey, Params, Translate } from '../../shared/i18n/index.ts'

/** Messages that say what to do about one field, for refusals that name only the field. */
export type FieldMessages = Readonly<Record<string, MessageKey>>

/**
 * The words for a refusal, in the person's language: the domain's detail (key + parameters) if
 * it gave one; else a message written for the field it is about (it replaces the schema's
 * generic wording of a `validation` refusal, which means nothing to a volunteer); else the
 * error's own words; else the code's message.
 */
export function messageOf(t: Translate, error: AppError, fieldMessages: FieldMessages = {}): string {
  if (error.detail) return detailText(t, error.detail)
  const forField = error.field ? fieldMessages[error.field] : undefined
  if (forField && (error.code === 'validation' || !error.hasOwnMessage)) return t(forField)
  if (error.hasOwnMessage) return error.message
  return t(`error.${error.code}`)
}

/** A detail in words: its parameters first (those that are messages themselves), then the message. */
export function detailText(t: Translate, detail: ErrorDetail): string {
  if (!detail.params) return t(detail.key)
  const params: Params = {}
  for (const [name, value] of Object.entries(detail.params)) params[name] = typeof value === 'object' ? t(value.key) : value
  return t(detail.key, params)
}
