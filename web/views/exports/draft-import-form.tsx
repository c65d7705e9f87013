import { FileField, FormError } from '../form/field.tsx'
import { formView, type FormView } from '../form/form-view.ts'
import { SuccessNotice, type PageContext } from '../layout.tsx'
import { DroppedList } from './import-page.tsx'

/** The position page's import into the (empty) live draft: offered, refused, or just done. */
export interface DraftImportState {
  /** Whether the form is shown (a member, the draft editable and still empty, or a refusal to show). */
  offered: boolean
  /** Why the last upload was refused, in the person's language. */
  error: string | null
  /** After an import: what the text could not hold (empty when everything came along). */
  done: ReadonlyArray<{ kind: string; count: number }> | null
}

export const FILE_ACCEPT = '.docx,.md,.markdown,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain'

export function draftImportView(state: DraftImportState | null | undefined): FormView {
  // Every refusal is about the one field there is: the file.
  return formView({ prefix: 'draft-import-', problem: state?.error ? { message: state.error, field: 'file' } : null, fields: { file: 'draft-import-file' } })
}

export function DraftImport({ ctx, positionId, state }: { ctx: PageContext; positionId: string; state: DraftImportState }) {
  const { t } = ctx
  const form = draftImportView(state)
  return (
    <>
      {state.done ? (
        <section class="import-report" aria-labelledby="draft-import-done">
          <h2 id="draft-import-done" class="visually-hidden">
            {t('exchange.import.done_heading')}
          </h2>
          <SuccessNotice message={t('exchange.draft_import.done')} />
          {state.done.length ? (
            <>
              <p>{t('exchange.import.dropped_intro')}</p>
              <DroppedList ctx={ctx} dropped={state.done} />
            </>
          ) : null}
        </section>
      ) : null}
      {state.offered ? (
        <details class="rename draft-import" open={state.error ? true : undefined}>
          <summary>{t('exchange.draft_import.summary')}</summary>
          <p>{t('exchange.draft_import.intro')}</p>
          <FormError form={form} />
          <form method="post" action={`/positions/${positionId}/draft/import`} enctype="multipart/form-data">
            <FileField form={form} name="file" label={t('exchange.import.file')} hint={t('exchange.import.file_hint')} required accept={FILE_ACCEPT} />
            <div>
              <button type="submit">{t('exchange.draft_import.submit')}</button>
            </div>
          </form>
        </details>
      ) : null}
    </>
  )
}
