import type { Child } from 'hono/jsx'
import { SelectField } from '../form/field.tsx'
import { FormError, PostForm } from '../form/field.tsx'
import type { FormView } from '../form/form-view.ts'

// The pieces every admin list and detail page is built from: a table that becomes cards on a
// phone, a section with one form (create, edit, add a member), and the person picker.

export interface Column<R> {
  label: string
  cell: (row: R) => Child
}

/**
 * A table of rows whose first cell names the row (a row header); each other cell carries its
 * column's name, which the phone layout shows in front of it.
 */
export function AdminTable<R>({ rows, head, columns, empty }: { rows: readonly R[]; head: Column<R>; columns: ReadonlyArray<Column<R>>; empty: string }) {
  if (rows.length === 0) return <p>{empty}</p>
  return (
    <div class="table-wrap">
      <table class="stack-table">
        <thead>
          <tr>
            <th scope="col">{head.label}</th>
            {columns.map((col) => (
              <th scope="col">{col.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{head.cell(row)}</th>
              {columns.map((col) => (
                <td data-label={col.label}>{col.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export interface FormSectionProps {
  /** Id of the heading, which names the section. */
  id: string
  heading: string
  /** h2 for a section of its own, h3 inside another section. */
  level?: 2 | 3
  hint?: string | undefined
  form: FormView
  action: string
  submit: string
  children?: Child
}

/** A section with one form: its heading, a hint, a refusal not about one field, the fields and the button. */
export function FormSection({ id, heading, level = 2, hint, form, action, submit, children }: FormSectionProps) {
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <section aria-labelledby={id}>
      <Heading id={id}>{heading}</Heading>
      {hint ? <p class="hint">{hint}</p> : null}
      <FormError form={form} />
      <PostForm action={action}>
        {children}
        <div>
          <button type="submit">{submit}</button>
        </div>
      </PostForm>
    </section>
  )
}

export interface PersonOption {
  id: string
  name: string
  email: string
}

/** Picks a person to add (name and e-mail, since names repeat). */
export function PersonSelect({ form, label, placeholder, people }: { form: FormView; label: string; placeholder: string; people: readonly PersonOption[] }) {
  const options = people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))
  return <SelectField form={form} name="personId" label={label} placeholder={placeholder} options={options} required />
}

/** The small forms in a table row (change a role, remove): one button, named for the row. */
export function RowForm({ action, label, button, class: cls = 'secondary', children }: { action: string; label: string; button: string; class?: string; children?: Child }) {
  return (
    <PostForm action={action} class="row-form">
      {children}
      <button type="submit" class={cls} aria-label={label}>
        {button}
      </button>
    </PostForm>
  )
}
