import type { PageError } from '../error-summary.tsx'

/** Why a submitted form was refused: the message, and the field it is about if any. */
export interface FormProblem {
  message: string
  field?: string | undefined
}

/** What a form showed or had entered, as strings (a browser posts nothing else). */
export type FormValues = Record<string, string | string[] | undefined>

/**
 * One form as its fields see it: what to show in them, the refusal if the form was just
 * refused, and where each field lives. `prefix` names the ids of the hint and error texts
 * (`${prefix}${name}-hint`, `${prefix}${name}-error`); `fields` maps each field name to its
 * control's id (default `${prefix}${name}`), for the labels and the error summary's links.
 */
export interface FormView {
  prefix: string
  values: FormValues
  problem: FormProblem | null
  fields: Readonly<Record<string, string>>
}

export function formView(options: { prefix: string; values?: FormValues | undefined; problem?: FormProblem | null | undefined; fields?: Record<string, string> }): FormView {
  return { prefix: options.prefix, values: options.values ?? {}, problem: options.problem ?? null, fields: options.fields ?? {} }
}

export function valueOf(values: FormValues | undefined, name: string): string {
  const v = values?.[name]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}

export function checkedIn(values: FormValues | undefined, name: string, option = 'on'): boolean {
  const v = values?.[name]
  return Array.isArray(v) ? v.includes(option) : v === option
}

export function controlId(form: FormView, name: string): string {
  return form.fields[name] ?? `${form.prefix}${name}`
}

export const hintId = (form: FormView, name: string): string => `${form.prefix}${name}-hint`
export const errorId = (form: FormView, name: string): string => `${form.prefix}${name}-error`

/** The message of a refusal about this field, if the form was refused for it. */
export function errorFor(form: FormView, name: string): string | undefined {
  return form.problem && form.problem.field === name ? form.problem.message : undefined
}

/** A refusal not about any field this form shows: said above the form instead. */
export function formLevelError(form: FormView): string | null {
  const p = form.problem
  if (!p) return null
  return p.field !== undefined && p.field in form.fields ? null : p.message
}

/** The refusals of a page's forms as the layout takes them (counted in the title, linked in the summary). */
export function formErrors(...forms: ReadonlyArray<FormView | null | undefined>): PageError[] {
  return forms.flatMap((form) => {
    const p = form?.problem
    if (!form || !p) return []
    return [{ message: p.message, fieldId: p.field !== undefined && p.field in form.fields ? form.fields[p.field] : undefined }]
  })
}
