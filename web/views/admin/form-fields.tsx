import type { Child } from 'hono/jsx'

/** Why a submitted form was refused: the message, and the field it is about if any. */
export interface FormProblem {
  message: string
  field?: string | undefined
}

/** What a form showed or had entered, as strings (a browser posts nothing else). */
export type FormValues = Record<string, string | string[] | undefined>

export function valueOf(values: FormValues | undefined, name: string): string {
  const v = values?.[name]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}

export function checkedIn(values: FormValues | undefined, name: string, option = 'on'): boolean {
  const v = values?.[name]
  return Array.isArray(v) ? v.includes(option) : v === option
}

interface TextFieldProps {
  id: string
  name: string
  label: string
  values?: FormValues | undefined
  problem?: FormProblem | null | undefined
  hint?: string | undefined
  type?: 'text' | 'email' | 'number'
  required?: boolean
  maxlength?: number
  min?: number
  max?: number
  autocomplete?: string
  /** Extra attributes for <input type=number>: whole numbers only. */
  step?: number
}

/** A labelled input; marked invalid when the form's problem is about this field. */
export function TextField(props: TextFieldProps) {
  const { id, name, label, values, problem, hint, type = 'text', required, maxlength, min, max, autocomplete, step } = props
  const invalid = problem?.field === name
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        value={valueOf(values, name)}
        required={required}
        maxlength={maxlength}
        min={min}
        max={max}
        step={step}
        autocomplete={autocomplete ?? 'off'}
        aria-describedby={hint ? `${id}-hint` : undefined}
        aria-invalid={invalid ? 'true' : undefined}
      />
    </div>
  )
}

export function TextArea(props: { id: string; name: string; label: string; values?: FormValues | undefined; problem?: FormProblem | null | undefined; maxlength: number }) {
  const { id, name, label, values, problem, maxlength } = props
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea id={id} name={name} maxlength={maxlength} aria-invalid={problem?.field === name ? 'true' : undefined}>
        {valueOf(values, name)}
      </textarea>
    </div>
  )
}

export function Checkbox(props: { id: string; name: string; label: string; checked: boolean; value?: string }) {
  return (
    <label class="check" for={props.id}>
      <input type="checkbox" id={props.id} name={props.name} value={props.value ?? 'on'} checked={props.checked} />
      {props.label}
    </label>
  )
}

/** The form wrapper every admin form uses: post, then the server answers with a redirect or the form again. */
export function PostForm(props: { action: string; class?: string; children?: Child }) {
  return (
    <form method="post" action={props.action} class={props.class}>
      {props.children}
    </form>
  )
}

export interface PersonOption {
  id: string
  name: string
  email: string
}

export function PersonSelect(props: { id: string; label: string; placeholder: string; people: PersonOption[]; selected?: string; invalid?: boolean }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name="personId" required aria-invalid={props.invalid ? 'true' : undefined}>
        <option value="">{props.placeholder}</option>
        {props.people.map((p) => (
          <option value={p.id} selected={p.id === props.selected}>
            {`${p.name} (${p.email})`}
          </option>
        ))}
      </select>
    </div>
  )
}
