import type { AppError } from '../../shared/errors.ts'
import type { MessageKey, Translate } from '../../shared/i18n/index.ts'

/** Messages that say what to do about one field, for refusals that name only the field. */
export type FieldMessages = Readonly<Record<string, MessageKey>>

/**
 * The words for a refusal, in the person's language: the domain's detail (key + parameters) if
 * it gave one; else a message written for the field it is about (it replaces the schema's
 * generic wording of a `validation` refusal, which means nothing to a volunteer); else the
 * error's own words; else the code's message.
 */
export function messageOf(t: Translate, error: AppError, fieldMessages: FieldMessages = {}): string {
  if (error.detail) return t(error.detail.key, error.detail.params)
  const forField = error.field ? fieldMessages[error.field] : undefined
  if (forField && (error.code === 'validation' || !error.hasOwnMessage)) return t(forField)
  if (error.hasOwnMessage) return error.message
  return t(`error.${error.code}`)
}
