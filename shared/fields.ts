import { z } from 'zod'
import { SLUG_MAX, SLUG_PATTERN } from './slug.ts'

// Field schemas shared by the admin JSON API and the admin forms, so both accept the same input.

export const NAME_MAX = 200
export const DESCRIPTION_MAX = 2000
export const EMAIL_MAX = 254
export const WEIGHT_MAX = 1000

export const nameField = z.string().trim().min(1).max(NAME_MAX)
export const slugField = z.string().trim().max(SLUG_MAX).regex(SLUG_PATTERN)
export const weightField = z.number().int().min(0).max(WEIGHT_MAX)
export const descriptionField = z.string().trim().max(DESCRIPTION_MAX)
export const emailField = z.string().trim().toLowerCase().max(EMAIL_MAX).pipe(z.email())
export const passwordField = z.string().max(256)
export const idField = z.string().min(1).max(64)

export const GLOBAL_ROLES = ['admin', 'spokesperson'] as const
export type GlobalRole = (typeof GLOBAL_ROLES)[number]
export const rolesField = z.array(z.enum(GLOBAL_ROLES)).max(GLOBAL_ROLES.length)

export const INITIATIVE_ROLES = ['delegate', 'member'] as const
export const initiativeRoleField = z.enum(INITIATIVE_ROLES)
