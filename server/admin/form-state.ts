import type { Context } from 'hono'
import { z } from 'zod'
import type { AppError } from '../../shared/errors.ts'
import type { Translate } from '../../shared/i18n/index.ts'
import type { FormProblem, FormValues } from '../../web/views/admin/form-fields.tsx'
import type { AppEnv } from '../http/app-env.ts'
import { errorStatus } from '../http/error-status.ts'
import type { render } from '../http/render.tsx'
import { readForm } from '../http/validate.ts'
import { descriptionField, GLOBAL_ROLES, idField, initiativeRoleField, nameField, emailField, slugField, weightField } from './fields.ts'
import { SLUG_MAX } from './slugify.ts'

// Admin forms post strings; these schemas turn them into the same inputs the JSON API takes.

/** An empty slug box means "derive it from the name" (create) or "keep it" (edit). */
const formSlug = z
  .string()
  .trim()
  .max(SLUG_MAX)
  .transform((v) => v || undefined)
  .pipe(slugField.optional())
const formWeight = z.string().trim().regex(/^\d{1,4}$/).transform(Number).pipe(weightField)
/** An unchecked checkbox is simply absent from the posted form. */
const formCheckbox = z
  .literal('on')
  .optional()
  .transform((v) => v === 'on')
const formRoles = z
  .union([z.enum(GLOBAL_ROLES), z.array(z.enum(GLOBAL_ROLES)).max(GLOBAL_ROLES.length)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))

export const InitiativeForm = z.strictObject({ name: nameField, slug: formSlug, weight: formWeight, active: formCheckbox })
export const GroupForm = z.strictObject({ name: nameField, slug: formSlug, description: descriptionField.optional() })
export const NewPersonForm = z.strictObject({ name: nameField, email: emailField, roles: formRoles })
export const PersonForm = z.strictObject({ name: nameField, email: emailField, roles: formRoles, disabled: formCheckbox })
export const InitiativeMemberForm = z.strictObject({ personId: idField, role: initiativeRoleField })
export const GroupMemberForm = z.strictObject({ personId: idField, coordinator: formCheckbox })

const RawForm = z.record(z.string().max(100), z.union([z.string().max(100_000), z.array(z.string().max(100_000)).max(20)]))

/** The posted form as strings, kept so a refused form comes back with what was entered. */
export async function readRawForm(c: Context<AppEnv>): Promise<FormValues> {
  return readForm(c, RawForm)
}

// Zod's own wording ("Invalid string: must match pattern …") means nothing to a volunteer.
const FIELD_MESSAGES = {
  slug: 'admin.error.slug_invalid',
  weight: 'admin.error.weight_invalid',
  email: 'admin.error.email_invalid',
  personId: 'admin.error.choose_person',
} as const

/** The message a form shows for a refused submission, and the field it is about. */
export function problemOf(t: Translate, error: AppError): FormProblem {
  if (error.code === 'validation' && error.field && error.field in FIELD_MESSAGES) {
    return { message: t(FIELD_MESSAGES[error.field as keyof typeof FIELD_MESSAGES]), field: error.field }
  }
  return { message: error.hasOwnMessage ? error.message : t(`error.${error.code}`), field: error.field }
}

type PageStatus = Parameters<typeof render>[2]

export function statusOf(error: AppError): PageStatus {
  return errorStatus[error.code] as PageStatus
}
