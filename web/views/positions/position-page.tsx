import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import type { LifecycleStatus as PositionStatus } from '../../../shared/rules/lifecycle.ts'
import { CommentsPanel } from '../comments/comments-panel.tsx'
import { FormError, PostForm, TextField } from '../form/field.tsx'
import { formErrors, formView, type FormView } from '../form/form-view.ts'
import { Layout, SuccessNotice, type PageContext } from '../layout.tsx'
import { StatusBadge } from './position-list.tsx'
import { PositionRecordLinks } from '../exports/position-record-links.tsx'
import { DraftImport, draftImportView, type DraftImportState } from '../exports/draft-import-form.tsx'
import { ArchiveSection, NextStepNotice, type ArchiveState } from './position-next.tsx'

/** Places where later features (rounds, versions) add to the position page. */
export interface PositionSlots {
  /** Above the text, e.g. "a round is open — cast your ballot". */
  notice?: Child
  /** Coordinator actions: freeze a version, open a round. */
  actions?: Child
  /** Replaces the live draft, e.g. the frozen version while a round runs. */
  text?: Child
  /** The list of frozen versions. */
  versions?: Child
  /** Rounds held on this position, with their results. */
  rounds?: Child
  /** Publishing: the spokesperson panel (publish, withdraw, embed code) and co-signing. */
  publication?: Child
}

export interface PositionPageProps {
  ctx: PageContext
  position: { id: string; title: string; status: PositionStatus }
  group: { name: string; slug: string }
  /** Current HTML of the draft, rendered on the server so the text shows before (and without) JavaScript. */
  draftHtml: string
  /** 'edit': the live editor; 'read': the live text, read only. */
  mode: 'edit' | 'read'
  /** Why the viewer cannot write: not a member of the group, or the draft is locked for everybody. */
  readonlyReason: 'reader' | 'locked' | null
  /** Whether the viewer may write in this group at all (the draft may still be locked). */
  member: boolean
  /** The person as collaborators see them (caret label and presence list). */
  user: { id: string; name: string; color: string }
  canRename: boolean
  rename?: { title: string; error?: string | null } | null
  renamed?: boolean
  /** Archived or not, and whether the viewer may archive it. */
  archive?: ArchiveState
  /** The comment panel beside the live text; canWrite: may start threads and reply now. */
  comments?: { canWrite: boolean }
  /** For the coordinator of an adopted position: who can publish it now. */
  nextStep?: { spokespersons: string[] } | null
  /** Taking a file's text into the empty draft: the form, its refusal, or the report after it. */
  draftImport?: DraftImportState | null
  slots?: PositionSlots
}

export function PositionPage(props: PositionPageProps) {
  const { ctx, position, group, slots = {} } = props
  const { t } = ctx
  return (
    <Layout
      ctx={ctx}
      title={position.title}
      errors={formErrors(renameForm(props), draftImportView(props.draftImport))}
      // A frozen text may carry the comment threads on its version (web/scripts/comments.ts).
      scripts={slots.text ? ['/assets/comments.js'] : ['/assets/editor.js']}
      head={slots.text ? null : <link rel="stylesheet" href="/assets/editor.css" />}
    >
      <p class="breadcrumb">
        {t('positions.page.group')}: <a href={`/groups/${group.slug}`} lang={CONTENT_LOCALE}>{group.name}</a>
      </p>
      <h1 lang={CONTENT_LOCALE}>{position.title}</h1>
      <p>
        {t('positions.page.status')}: <StatusBadge ctx={ctx} status={position.status} />
      </p>
      <SuccessNotice message={props.renamed ? t('positions.rename.saved') : null} />
      {props.archive ? <ArchiveSection ctx={ctx} positionId={position.id} archive={props.archive} /> : null}
      {props.canRename ? <RenameForm {...props} /> : null}
      {props.nextStep ? <NextStepNotice ctx={ctx} spokespersons={props.nextStep.spokespersons} /> : null}
      {slots.notice}
      {slots.actions}
      {props.draftImport ? <DraftImport ctx={ctx} positionId={position.id} state={props.draftImport} /> : null}
      {slots.text ?? <LiveDraft {...props} />}
      <PositionRecordLinks ctx={ctx} positionId={position.id} />
      {slots.versions}
      {slots.rounds}
      {slots.publication}
    </Layout>
  )
}

function renameForm({ position, rename }: PositionPageProps): FormView {
  const problem = rename?.error ? { message: rename.error, field: 'title' } : null
  return formView({ prefix: 'position-', values: { title: rename?.title ?? position.title }, problem, fields: { title: 'position-title' } })
}

function RenameForm(props: PositionPageProps) {
  const { ctx, position, rename } = props
  const { t } = ctx
  const form = renameForm(props)
  return (
    <details class="rename" open={rename?.error ? true : undefined}>
      <summary>{t('positions.rename.summary')}</summary>
      <FormError form={form} />
      <PostForm action={`/positions/${position.id}/title`}>
        <TextField form={form} name="title" label={t('positions.field.title')} hint={t('positions.field.title_limit')} required lang={CONTENT_LOCALE} />
        <div>
          <button type="submit">{t('positions.rename.submit')}</button>
        </div>
      </PostForm>
    </details>
  )
}

function LiveDraft({ ctx, position, draftHtml, mode, readonlyReason, member, user, comments }: PositionPageProps) {
  const { t } = ctx
  const heading = position.status === 'drafting' ? t('positions.page.draft_heading') : t('positions.page.text_heading')
  return (
    <section class="draft" aria-labelledby="draft-heading">
      <h2 id="draft-heading">{heading}</h2>
      {readonlyReason === 'reader' ? <p class="hint">{t('positions.page.reader_hint')}</p> : null}
      {readonlyReason === 'locked' ? <p class="hint">{t('positions.page.locked_hint')}</p> : null}
      <div class={comments ? 'editor-layout has-comments' : 'editor-layout'}>
        <div
          class="editor"
          id="editor"
          data-position-id={position.id}
          data-editable={mode === 'edit' ? 'true' : 'false'}
          data-member={member ? 'true' : 'false'}
          data-status={position.status}
          data-locale={ctx.locale}
          data-user-id={user.id}
          data-user-name={user.name}
          data-user-color={user.color}
        >
          <p class="editor-status" role="status" aria-live="polite" data-editor-status hidden></p>
          <div class="editor-content prose" lang={CONTENT_LOCALE} data-editor-content>
            {raw(draftHtml)}
          </div>
        </div>
        <aside class="presence" aria-labelledby="presence-heading" data-presence hidden>
          <h3 id="presence-heading">{t('positions.page.presence')}</h3>
          <p class="hint visually-hidden">{t('positions.page.presence_hint')}</p>
          <ul class="presence-list" data-presence-list></ul>
          <p class="visually-hidden" role="status" aria-live="polite" data-presence-announce></p>
        </aside>
        {comments ? <CommentsPanel ctx={ctx} positionId={position.id} canWrite={comments.canWrite} selectable={true} /> : null}
      </div>
      <noscript>
        <p class="hint">{t('positions.page.noscript')}</p>
      </noscript>
    </section>
  )
}
