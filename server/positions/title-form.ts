import type { Context } from 'hono'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readForm } from '../http/validate.ts'
import { TITLE_MAX, titleField } from './position-title.ts'

const TitleFormBody = z.strictObject({ title: z.string().max(TITLE_MAX * 5) })

/**
 * Reads the one-field title form (new position, rename): `entered` is what was typed, kept to
 * show the form again; `title()` is the checked title, or a refusal that names the field.
 */
export async function readTitleForm(c: Context<AppEnv>): Promise<{ entered: string; title: () => string }> {
  const { title: entered } = await readForm(c, TitleFormBody)
  return {
    entered,
    title: () => {
      const parsed = titleField.safeParse(entered)
      if (parsed.success) return parsed.data
      const tooLong = parsed.error.issues.some((issue) => issue.code === 'too_big')
      const field = { key: 'positions.field.title' } as const
      return fail('validation', tooLong ? { key: 'error.field_too_long', params: { field, max: TITLE_MAX } } : { key: 'error.field_required', params: { field } }, 'title')
    },
  }
}
