import { z } from 'zod'

export const TITLE_MAX = 200

/** A position title as forms and the API accept it: trimmed, inner whitespace collapsed. */
export const titleField = z
  .string()
  .max(TITLE_MAX * 2)
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1).max(TITLE_MAX))
