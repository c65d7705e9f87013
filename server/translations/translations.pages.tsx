import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import { can } from '../../shared/policy.ts'
import { TRANSLATION_LANGUAGES } from '../../shared/translations/languages.ts'
import type { FormProblem, FormValues } from '../../web/views/form/form-view.ts'
import { TranslationEditPage } from '../../web/views/translations/translation-edit-page.tsx'
import { TranslationsPage } from '../../web/views/translations/translations-page.tsx'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readEntered, submitForm, type Refused } from '../http/refused-form.ts'
import { pageContext, render } from '../http/render.tsx'
import { MAX_BODY_BYTES, parseWith, readForm } from '../http/validate.ts'
import { getPublication } from '../publishing/publication.repo.ts'
import { addTranslation } from './add-translation.ts'
import { translationUrlOf } from './present-translation.ts'
import { publishTranslation, withdrawTranslation } from './publish-translation.ts'
import { getTranslation, revisionsOf, translationsOf } from './translation.repo.ts'
import { docToText, TranslationInput, TranslationUpdate } from './translation-text.ts'
import { updateTranslation } from './update-translation.ts'

type Status = Parameters<typeof render>[2]
const Notice = z.object({ done: z.enum(['saved', 'published', 'withdrawn']).optional() })
const WithdrawForm = z.strictObject({ reason: z.string().trim().min(1).max(1000) })
/** A translation form as posted: the editor's JSON may be longer than the usual field (readEntered's cap). */
const EnteredTranslation = z.record(z.string().max(100), z.string().max(MAX_BODY_BYTES))
const readTranslationForm = (c: Context<AppEnv>): Promise<FormValues> => readForm(c, EnteredTranslation)

function translationProblem(c: Context<AppEnv>, refused: Refused): FormProblem {
  const t = c.get('t')
  const error = refused.error
  if ((error.code === 'validation' || error.code === 'unknown_content') && (error.field === 'text' || error.field === undefined)) return { message: t('translations.error.text'), field: 'text' }
  if (error.code === 'validation' && error.field === 'title') return { message: t('translations.error.title'), field: 'title' }
  return refused.problem
}

/**
 * The form's strings as the API's input: an empty summary is no summary; the editor posts the
 * document as ProseMirror JSON in `content` (then the plain text area is not posted), without
 * JavaScript the text area's `text` comes.
 */
function formInput(values: FormValues) {
  const { summary, content, ...rest } = values
  return { ...rest, ...(summary ? { summary } : {}), ...(typeof content === 'string' ? { content: parsedContent(content) } : {}) }
}

/** Not JSON is not a document: the schema check refuses it like any unknown content. */
function parsedContent(json: string): unknown {
  try {
    return JSON.parse(json)
  } catch {
    return json
  }
}

function listPage(c: Context<AppEnv>, positionId: string, form: { values?: FormValues; problem?: FormProblem; withdraw?: { id: string; problem: FormProblem; values: FormValues } } = {}, status: Status = 200) {
  const { actor } = requirePerson(c)
  const deps = c.get('deps')
  const publication = getPublication(deps.db, positionId) ?? fail('not_found')
  const rows = translationsOf(deps.db, positionId)
  const taken = new Set(rows.map((r) => r.language))
  const done = Notice.safeParse(c.req.query()).data?.done
  return render(
    c,
    <TranslationsPage
      ctx={pageContext(c)}
      position={{ id: positionId, title: publication.title, versionNumber: publication.version_number, publicUrl: `/p/${publication.slug}` }}
      translations={rows.map((r) => ({
        id: r.id,
        language: r.language,
        title: r.title,
        status: r.status,
        revisions: revisionsOf(deps.db, r.id).length,
        publicUrl: new URL(translationUrlOf(deps.config.publicUrl, publication.slug, r.language)).pathname,
        canEdit: can(actor, { type: 'translation.write', language: r.language }),
      }))}
      addable={publication.withdrawn_at === null ? TRANSLATION_LANGUAGES.filter((l) => !taken.has(l.code) && can(actor, { type: 'translation.write', language: l.code })) : []}
      canPublish={can(actor, { type: 'translation.publish' })}
      values={form.values}
      problem={form.problem}
      withdrawRefused={form.withdraw}
      notice={done ? c.get('t')(`translations.${done}`) : null}
    />,
    status,
  )
}

/** The pages where translations are written, published and withdrawn (signed in). */
export const translationPages = new Hono<AppEnv>()
  .get('/positions/:id/translations', (c) => listPage(c, c.req.param('id')))
  .post('/positions/:id/translations', async (c) => {
    const { actor } = requirePerson(c)
    const positionId = c.req.param('id')
    const values = await readTranslationForm(c)
    const result = await submitForm(c, () => addTranslation(c.get('deps'), actor, positionId, parseWith(c, TranslationInput, formInput(values))))
    if (!result.ok) return listPage(c, positionId, { values, problem: translationProblem(c, result) }, result.status)
    return c.redirect(`/positions/${positionId}/translations?done=saved`, 303)
  })
  .get('/translations/:id/edit', (c) => {
    const { actor } = requirePerson(c)
    const row = getTranslation(c.get('deps').db, c.req.param('id')) ?? fail('not_found')
    if (!can(actor, { type: 'translation.write', language: row.language })) fail('forbidden')
    const values = { title: row.title, summary: row.summary, text: docToText(row.content), content: row.content }
    return render(c, <TranslationEditPage ctx={pageContext(c)} translation={{ id: row.id, positionId: row.position_id, language: row.language }} values={values} />)
  })
  .post('/translations/:id', async (c) => {
    const { actor } = requirePerson(c)
    const deps = c.get('deps')
    const row = getTranslation(deps.db, c.req.param('id')) ?? fail('not_found')
    const values = await readTranslationForm(c)
    const result = await submitForm(c, () => updateTranslation(deps, actor, row.id, parseWith(c, TranslationUpdate, formInput(values))))
    if (!result.ok) {
      return render(
        c,
        <TranslationEditPage ctx={pageContext(c)} translation={{ id: row.id, positionId: row.position_id, language: row.language }} values={values} problem={translationProblem(c, result)} />,
        result.status,
      )
    }
    return c.redirect(`/positions/${row.position_id}/translations?done=saved`, 303)
  })
  .post('/translations/:id/publish', (c) => {
    const { actor } = requirePerson(c)
    const row = publishTranslation(c.get('deps'), actor, c.req.param('id'))
    return c.redirect(`/positions/${row.position_id}/translations?done=published`, 303)
  })
  .post('/translations/:id/withdraw', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    const values = await readEntered(c)
    const result = await submitForm(c, () => withdrawTranslation(c.get('deps'), actor, id, parseWith(c, WithdrawForm, values).reason))
    if (result.ok) return c.redirect(`/positions/${result.value.position_id}/translations?done=withdrawn`, 303)
    // Refused (no reason): the list again, the withdraw form of this translation with its error.
    const row = getTranslation(c.get('deps').db, id) ?? fail('not_found')
    return listPage(c, row.position_id, { withdraw: { id, problem: result.problem, values } }, result.status)
  })
