import type { Context } from 'hono'
import { z } from 'zod'
import type { FormProblem, FormValues } from '../../web/views/form/form-view.ts'
import type { AppEnv } from '../http/app-env.ts'
import type { FieldMessages } from '../http/error-message.ts'
import { readEntered, submitForm } from '../http/refused-form.ts'
import type { PageStatus } from '../http/render.tsx'
import { parseWith } from '../http/validate.ts'
import { descriptionField, GLOBAL_ROLES, idField, initiativeRoleField, nameField, emailField, slugField, weightField } from '../../shared/fields.ts'
import { SLUG_MAX } from '../../shared/slug.ts'
import { TRANSLATION_LANGUAGE_CODES } from '../../shared/translations/languages.ts'

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
/** Checkboxes of one name: none checked posts nothing, one posts a string, several a list. */
const formLanguages = z
  .union([z.enum(TRANSLATION_LANGUAGE_CODES), z.array(z.enum(TRANSLATION_LANGUAGE_CODES)).max(TRANSLATION_LANGUAGE_CODES.length)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))

export const InitiativeForm = z.strictObject({ name: nameField, slug: formSlug, weight: formWeight, active: formCheckbox })
export const GroupForm = z.strictObject({ name: nameField, slug: formSlug, description: descriptionField.optional() })
export const NewPersonForm = z.strictObject({ name: nameField, email: emailField, roles: formRoles })
export const PersonForm = z.strictObject({ name: nameField, email: emailField, roles: formRoles, disabled: formCheckbox })
export const InitiativeMemberForm = z.strictObject({ personId: idField, role: initiativeRoleField })
export const GroupMemberForm = z.strictObject({ personId: idField, coordinator: formCheckbox })
export const TranslatorForm = z.strictObject({ languages: formLanguages })

/** Zod's own wording ("Invalid string: must match pattern …") means nothing to a volunteer. */
export const ADMIN_FIELD_MESSAGES = {
  slug: 'admin.error.slug_invalid',
  weight: 'admin.error.weight_invalid',
  email: 'admin.error.email_invalid',
  personId: 'admin.error.choose_person',
  languages: 'translations.translator.error',
} as const satisfies FieldMessages

/**
 * An admin form post: reads what was entered, parses it with the form's schema and runs the
 * action; a refusal renders `refused` (the page with the form again), success `done`.
 */
export async function postAdminForm<S extends z.ZodType, T>(
  c: Context<AppEnv>,
  schema: S,
  action: (input: z.infer<S>) => T | Promise<T>,
  refused: (form: { values: FormValues; problem: FormProblem }, status: PageStatus) => Response,
  done: (value: T) => Response,
): Promise<Response> {
  const values = await readEntered(c)
  const result = await submitForm(c, () => action(parseWith(c, schema, values)), { messages: ADMIN_FIELD_MESSAGES })
  return result.ok ? done(result.value) : refused({ values, problem: result.problem }, result.status)
}
