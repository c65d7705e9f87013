import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../http/app-env.ts'
import { readForm } from '../http/validate.ts'
import { TITLE_MAX, titleField } from './position-title.ts'

const TitleFormBody = z.strictObject({ title: z.string().max(TITLE_MAX * 5) })

export type TitleFormResult = { ok: true; title: string } | { ok: false; entered: string; message: string }

/**
 * Reads the one-field title form (new position, rename). A bad title comes back with what was
 * typed and a message naming the field, so the page can show the form again as it was.
 */
export async function readTitleForm(c: Context<AppEnv>): Promise<TitleFormResult> {
  const { title: entered } = await readForm(c, TitleFormBody)
  const parsed = titleField.safeParse(entered)
  if (parsed.success) return { ok: true, title: parsed.data }
  const t = c.get('t')
  const field = t('positions.field.title')
  const tooLong = parsed.error.issues.some((issue) => issue.code === 'too_big')
  return {
    ok: false,
    entered,
    message: tooLong ? t('error.field_too_long', { field, max: TITLE_MAX }) : t('error.field_required', { field }),
  }
}
