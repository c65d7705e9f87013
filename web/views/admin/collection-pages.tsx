import type { Child } from 'hono/jsx'
import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { formErrors, formView, type FormProblem, type FormValues, type FormView } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { AdminLayout } from './admin-layout.tsx'
import { AdminTable, FormSection, PersonSelect, RowForm, type Column, type PersonOption } from './admin-parts.tsx'

// The list and detail pages of a collection with members (initiatives, working groups): the
// pages differ only in their columns and fields, which the callers give; the words come from
// the collection's messages (admin.groups.*, admin.initiatives.*), the ids from its noun.

export type Collection = 'groups' | 'initiatives'

const NOUN = { groups: 'group', initiatives: 'initiative' } as const satisfies Record<Collection, string>

/** A form of a page: its form view and its fields. */
export interface FormPart {
  form: FormView
  fields: Child
}

export interface CollectionListProps<R extends { id: string; name: string }> {
  ctx: PageContext
  collection: Collection
  rows: readonly R[]
  columns: ReadonlyArray<Column<R>>
  create: FormPart
}

/** The list of entries (name linking to each), then the form that creates one. */
export function CollectionListPage<R extends { id: string; name: string }>({ ctx, collection, rows, columns, create }: CollectionListProps<R>) {
  const { t } = ctx
  const base = `/admin/${collection}`
  return (
    <AdminLayout ctx={ctx} section={collection} title={t(`admin.${collection}.title`)} errors={formErrors(create.form)}>
      <AdminTable
        rows={rows}
        empty={t('common.none')}
        head={{ label: t('admin.col.name'), cell: (r) => <a href={`${base}/${r.id}`} lang={CONTENT_LOCALE}>{r.name}</a> }}
        columns={columns}
      />
      <FormSection id={`create-${NOUN[collection]}`} heading={t(`admin.${collection}.create`)} form={create.form} action={base} submit={t('common.create')}>
        {create.fields}
      </FormSection>
    </AdminLayout>
  )
}

/** The remove button of a member's row. */
export function RemoveMember({ ctx, base, member }: { ctx: PageContext; base: string; member: MemberRow }) {
  return <RowForm action={`${base}/members/${member.personId}/remove`} class="danger" label={ctx.t('admin.remove_member', { name: member.name })} button={ctx.t('common.delete')} />
}

export interface MemberRow {
  personId: string
  name: string
  disabled?: boolean
}

export interface CollectionDetailProps<M extends MemberRow> {
  ctx: PageContext
  collection: Collection
  /** The entry's id and name (the page's title). */
  entry: { id: string; name: string }
  /** Links under the heading, after "back to the list". */
  links?: Child
  saved: boolean
  edit: FormPart
  members: readonly M[]
  columns: ReadonlyArray<Column<M>>
  candidates: readonly PersonOption[]
  /** The add-a-member form; its `fields` come after the person picker. */
  add: FormPart
}

/** The add-a-member form as refused (what was entered, and why), or empty with its `defaults`. */
export function memberFormView(
  props: { memberValues?: FormValues | undefined; memberProblem?: FormProblem | null | undefined },
  prefix: string,
  fields: Record<string, string>,
  defaults?: FormValues,
): FormView {
  return formView({ prefix, values: props.memberValues ?? defaults, problem: props.memberProblem, fields })
}

/** Where an entry's pages post: `/admin/<collection>/<id>`. */
export function entryBase(collection: Collection, id: string): string {
  return `/admin/${collection}/${id}`
}

/** One entry: its edit form, then its members (name linking to the person) and the add-a-member form. */
export function CollectionDetailPage<M extends MemberRow>(props: CollectionDetailProps<M>) {
  const { ctx, collection, entry, edit, add } = props
  const { t } = ctx
  const noun = NOUN[collection]
  const base = entryBase(collection, entry.id)
  const membersId = `${noun}-members`
  const addId = `add-${noun}-member`
  const addHeading = t(`admin.${collection}.add_member`)
  return (
    <AdminLayout ctx={ctx} section={collection} title={entry.name} titleLang={CONTENT_LOCALE} success={props.saved ? t('common.saved') : null} errors={formErrors(edit.form, add.form)}>
      <p>
        <a href={`/admin/${collection}`}>{t('admin.back_to_list')}</a>
        {props.links}
      </p>
      <FormSection id={`edit-${noun}`} heading={t(`admin.${collection}.edit`)} form={edit.form} action={base} submit={t('common.save')}>
        {edit.fields}
      </FormSection>

      <section aria-labelledby={membersId}>
        <h2 id={membersId}>{t(`admin.${collection}.members`)}</h2>
        <p class="hint">{t(`admin.${collection}.members_hint`)}</p>
        <AdminTable
          rows={props.members}
          empty={t(`admin.${collection}.no_members`)}
          head={{
            label: t('admin.col.name'),
            cell: (m) => (
              <>
                <a href={`/admin/people/${m.personId}`}>{m.name}</a>
                {m.disabled ? <span class="badge">{` ${t('admin.status.disabled')}`}</span> : null}
              </>
            ),
          }}
          columns={props.columns}
        />
        {props.candidates.length === 0 ? (
          <>
            <h3 id={addId}>{addHeading}</h3>
            <p>{t(`admin.${collection}.no_candidates`)}</p>
          </>
        ) : (
          <FormSection id={addId} level={3} heading={addHeading} form={add.form} action={`${base}/members`} submit={addHeading}>
            <PersonSelect form={add.form} label={t('admin.field.person')} placeholder={t('admin.field.choose_person')} people={props.candidates} />
            {add.fields}
          </FormSection>
        )}
      </section>
    </AdminLayout>
  )
}
