import type { Child } from 'hono/jsx'
import { checkedIn, controlId, errorFor, errorId, formLevelError, hintId, valueOf, type FormView } from './form-view.ts'

// The one set of form fields: every field has a label, may have a hint, and when its form was
// refused for it, shows the message next to it, is marked aria-invalid and points at hint and
// message with aria-describedby. The error summary at the top of the page links to its control.

interface FieldBase {
  form: FormView
  name: string
  label: Child
  hint?: Child | undefined
  /** The control's id when it is not the one `form.fields` names. */
  id?: string | undefined
  /** Ids of further texts that describe the control (besides its hint and error). */
  describedBy?: string | undefined
  /** Label only for screen readers, where the table row around it already says what it is. */
  hideLabel?: boolean | undefined
}

function described(form: FormView, name: string, hint: unknown, more?: string): string | undefined {
  const ids = [hint ? hintId(form, name) : undefined, more, errorFor(form, name) !== undefined ? errorId(form, name) : undefined]
  return ids.filter(Boolean).join(' ') || undefined
}

function Hint({ form, name, hint }: { form: FormView; name: string; hint: Child | undefined }) {
  if (!hint) return null
  return (
    <p class="hint" id={hintId(form, name)}>
      {hint}
    </p>
  )
}

/** What every control says to assistive technology: what describes it, and whether it was refused. */
function aria(props: FieldBase) {
  const { form, name, hint, describedBy } = props
  return {
    'aria-describedby': described(form, name, hint, describedBy),
    'aria-invalid': errorFor(form, name) !== undefined ? ('true' as const) : undefined,
  }
}

/** The frame of a labelled field: the label, the hint and a refusal's message above the control. */
function Frame({ field, id, children }: { field: FieldBase; id: string; children?: Child }) {
  return (
    <div class="field">
      <label for={id} class={field.hideLabel ? 'visually-hidden' : undefined}>
        {field.label}
      </label>
      <Hint form={field.form} name={field.name} hint={field.hint} />
      <FieldError form={field.form} name={field.name} />
      {children}
    </div>
  )
}

/** The message of a refusal about this field, right above the control. */
export function FieldError({ form, name }: { form: FormView; name: string }) {
  const message = errorFor(form, name)
  if (message === undefined) return null
  return (
    <p class="field-error" id={errorId(form, name)}>
      {message}
    </p>
  )
}

/** A refusal that is about no field of this form (e.g. "the round is already closed"), above the form. */
export function FormError({ form }: { form: FormView }) {
  const message = formLevelError(form)
  if (!message) return null
  return <p class="notice notice-error">{message}</p>
}

type InputType = 'text' | 'email' | 'number' | 'password' | 'datetime-local'

export interface TextFieldProps extends FieldBase {
  type?: InputType
  /** The shown value; default: what the form holds for `name` (never a password). */
  value?: string | undefined
  required?: boolean | undefined
  readonly?: boolean | undefined
  maxlength?: number | undefined
  minlength?: number | undefined
  min?: number | undefined
  max?: number | undefined
  step?: number | 'any' | undefined
  inputmode?: 'decimal' | 'numeric' | undefined
  autocomplete?: string | undefined
  /** Text direction of what is typed ("auto": from its first letters, for translations). */
  dir?: 'auto' | 'ltr' | 'rtl' | undefined
  /** Language of what the field holds when it is content (a German title, an Arabic translation). */
  lang?: string | undefined
}

/** A labelled single-line input. */
export function TextField(props: TextFieldProps) {
  const { form, name, type = 'text' } = props
  const id = props.id ?? controlId(form, name)
  const value = props.value ?? (type === 'password' ? undefined : valueOf(form.values, name))
  return (
    <Frame field={props} id={id}>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        required={props.required}
        readonly={props.readonly}
        maxlength={props.maxlength}
        minlength={props.minlength}
        min={props.min}
        max={props.max}
        step={props.step}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete ?? 'off'}
        dir={props.dir}
        lang={props.lang}
        {...aria(props)}
      />
    </Frame>
  )
}

export interface FileFieldProps extends FieldBase {
  /** The file types offered in the picker (the server checks the content anyway). */
  accept: string
  required?: boolean | undefined
}

/** A labelled file picker (its form posts multipart/form-data). */
export function FileField(props: FileFieldProps) {
  const id = props.id ?? controlId(props.form, props.name)
  return (
    <Frame field={props} id={id}>
      <input id={id} name={props.name} type="file" accept={props.accept} required={props.required} {...aria(props)} />
    </Frame>
  )
}

export interface TextAreaProps extends FieldBase {
  maxlength: number
  rows?: number | undefined
  required?: boolean | undefined
  value?: string | undefined
  dir?: 'auto' | 'ltr' | 'rtl' | undefined
  /** Language of what the field holds when it is content. */
  lang?: string | undefined
}

/** A labelled multi-line input. */
export function TextArea(props: TextAreaProps) {
  const { form, name } = props
  const id = props.id ?? controlId(form, name)
  return (
    <Frame field={props} id={id}>
      <textarea id={id} name={name} maxlength={props.maxlength} rows={props.rows} required={props.required} dir={props.dir} lang={props.lang} {...aria(props)}>
        {props.value ?? valueOf(form.values, name)}
      </textarea>
    </Frame>
  )
}

export interface Option {
  value: string
  label: string
  lang?: string | undefined
}

export interface SelectFieldProps extends FieldBase {
  options: readonly Option[]
  /** The chosen value; default: what the form holds for `name`. */
  selected?: string | undefined
  /** A first, empty option ("Bitte wählen"). */
  placeholder?: string | undefined
  required?: boolean | undefined
}

/** A labelled drop-down list. */
export function SelectField(props: SelectFieldProps) {
  const { form, name, options, placeholder } = props
  const id = props.id ?? controlId(form, name)
  const selected = props.selected ?? valueOf(form.values, name)
  return (
    <Frame field={props} id={id}>
      <select id={id} name={name} required={props.required} {...aria(props)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option value={o.value} lang={o.lang} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  )
}

export interface CheckboxFieldProps extends FieldBase {
  /** What a ticked box posts (default "on"). */
  value?: string | undefined
  /** Default: ticked when the form holds `value` for `name`. */
  checked?: boolean | undefined
  required?: boolean | undefined
}

/** One checkbox with its label to the right. */
export function CheckboxField(props: CheckboxFieldProps) {
  const { form, name, label, hint, value = 'on' } = props
  const id = props.id ?? controlId(form, name)
  return (
    <div class="field">
      <Hint form={form} name={name} hint={hint} />
      <FieldError form={form} name={name} />
      <label class="check" for={id}>
        <input
          type="checkbox"
          id={id}
          name={name}
          value={value}
          checked={props.checked ?? checkedIn(form.values, name, value)}
          required={props.required}
          {...aria(props)}
        />
        {label}
      </label>
    </div>
  )
}

export interface Choice {
  value: string
  label: Child
  /** A line under the label that explains the choice. */
  hint?: Child | undefined
  /** The input's id; default `${prefix}${name}-${value}`. */
  id?: string | undefined
  /** Ids of further texts that describe this choice. */
  describedBy?: string | undefined
}

export interface ChoiceGroupProps extends Omit<FieldBase, 'label' | 'id'> {
  legend: Child
  type?: 'radio' | 'checkbox'
  choices: readonly Choice[]
  /** The chosen values; default: what the form holds for `name`. */
  selected?: string | readonly string[] | undefined
  class?: string | undefined
  /** More content inside the fieldset, after the choices. */
  children?: Child
}

/** Radio buttons (or checkboxes) in a fieldset whose legend is the question. */
export function ChoiceGroup(props: ChoiceGroupProps) {
  const { form, name, legend, hint, describedBy, choices, type = 'radio' } = props
  const chosen = (value: string) =>
    props.selected === undefined ? checkedIn(form.values, name, value) : typeof props.selected === 'string' ? props.selected === value : props.selected.includes(value)
  return (
    <fieldset class={props.class} aria-describedby={described(form, name, hint, describedBy)}>
      <legend>{legend}</legend>
      <Hint form={form} name={name} hint={hint} />
      <FieldError form={form} name={name} />
      {choices.map((choice) => {
        const id = choice.id ?? `${form.prefix}${name}-${choice.value}`
        const more = [choice.hint ? `${id}-hint` : undefined, choice.describedBy].filter(Boolean).join(' ') || undefined
        return (
          <div class="choice">
            <input type={type} id={id} name={name} value={choice.value} checked={chosen(choice.value)} aria-describedby={more} />
            <label for={id}>{choice.label}</label>
            {choice.hint ? (
              <p class="hint choice-hint" id={`${id}-hint`}>
                {choice.hint}
              </p>
            ) : null}
          </div>
        )
      })}
      {props.children}
    </fieldset>
  )
}

/** A form that posts to the server, which answers with a redirect or the form again. */
export function PostForm(props: { action: string; id?: string | undefined; class?: string | undefined; novalidate?: boolean | undefined; children?: Child }) {
  return (
    <form method="post" action={props.action} id={props.id} class={props.class} novalidate={props.novalidate}>
      {props.children}
    </form>
  )
}
