import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import { FileField, FormError, TextField } from '../form/field.tsx'
import { formErrors, formView } from '../form/form-view.ts'
import { Layout, SuccessNotice, type PageContext } from '../layout.tsx'
import { contentMark, Sentence } from '../with-content.tsx'

export interface ImportPageProps {
  ctx: PageContext
  group: { name: string; slug: string }
  /** After a refused upload: the title typed and why it was refused (field `file` or `title`). */
  form?: { title: string; error: string; field: 'file' | 'title' } | null
  /** After an import: the new position and what the text could not hold. */
  done?: { positionId: string; title: string; dropped: Array<{ kind: string; count: number }> } | null
}

/** What the text could not hold, by kind, in words. */
export const DROPPED_KEYS: Record<string, MessageKey> = {
  table: 'exchange.dropped.table',
  image: 'exchange.dropped.image',
  comment: 'exchange.dropped.comment',
  tracked_change: 'exchange.dropped.tracked_change',
  link: 'exchange.dropped.link',
  footnote: 'exchange.dropped.footnote',
  code: 'exchange.dropped.code',
}

/** /groups/:slug/import: a Word, Markdown or text file becomes a new position of the group. */
export function ImportPage({ ctx, group, form, done }: ImportPageProps) {
  const { t } = ctx
  const view = formView({
    prefix: 'import-',
    values: { title: form?.title ?? '' },
    problem: form ? { message: form.error, field: form.field } : null,
    fields: { file: 'import-file', title: 'import-title' },
  })
  return (
    <Layout ctx={ctx} title={t('exchange.import.title', { group: group.name })} errors={formErrors(view)}>
      <p class="breadcrumb">
        {t('positions.page.group')}: <a href={`/groups/${group.slug}`} lang={CONTENT_LOCALE}>{group.name}</a>
      </p>
      <h1>{t('exchange.import.heading')}</h1>
      {done ? <ImportReport ctx={ctx} done={done} /> : null}
      <p>{t('exchange.import.intro')}</p>
      <FormError form={view} />
      <form method="post" action={`/groups/${group.slug}/import`} enctype="multipart/form-data">
        <FileField
          form={view}
          name="file"
          label={t('exchange.import.file')}
          hint={t('exchange.import.file_hint')}
          required
          accept=".docx,.md,.markdown,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain"
        />
        <TextField form={view} name="title" label={t('exchange.import.title_field')} hint={t('exchange.import.title_hint')} maxlength={300} />
        <div>
          <button type="submit">{t('exchange.import.submit')}</button>
        </div>
      </form>
    </Layout>
  )
}

function ImportReport({ ctx, done }: { ctx: PageContext; done: NonNullable<ImportPageProps['done']> }) {
  const { t } = ctx
  return (
    <section aria-labelledby="import-done" class="import-report">
      <h2 id="import-done">{t('exchange.import.done_heading')}</h2>
      <SuccessNotice message={<Sentence text={t('exchange.import.done', { title: contentMark('title') })} content={{ title: done.title }} />} />
      {done.dropped.length === 0 ? (
        <p>{t('exchange.import.nothing_dropped')}</p>
      ) : (
        <>
          <p>{t('exchange.import.dropped_intro')}</p>
          <DroppedList ctx={ctx} dropped={done.dropped} />
        </>
      )}
      <p>
        <a href={`/positions/${done.positionId}`}>
          <Sentence text={t('exchange.import.open', { title: contentMark('title') })} content={{ title: done.title }} />
        </a>
      </p>
    </section>
  )
}

/** The parts of a file the text could not hold, one line per kind. */
export function DroppedList({ ctx, dropped }: { ctx: PageContext; dropped: ReadonlyArray<{ kind: string; count: number }> }) {
  return (
    <ul>
      {dropped.map((d) => (
        <li>{ctx.t(DROPPED_KEYS[d.kind] ?? 'exchange.dropped.other', { n: d.count })}</li>
      ))}
    </ul>
  )
}
