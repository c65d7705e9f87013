import type { Context } from 'hono'
import { z } from 'zod'
import { AppError, fail, type ErrorDetail } from '../../shared/errors.ts'
import { ELECTORATES, MAJORITIES, ROUND_KINDS } from '../../shared/rules/choices.ts'
import { VISIBILITIES, visibilityOf } from '../../shared/rules/visibility.ts'
import type { OpenRoundValues } from '../../web/views/rounds/open-round-form.tsx'
import { fromLocalInput } from '../../shared/zoned-time.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readForm } from '../http/validate.ts'
import type { OpenRoundInput } from './open-round.ts'

const Form = z
  .object({
    kind: z.string().max(20).optional(),
    electorate: z.string().max(20).optional(),
    majority: z.string().max(20).optional(),
    quorum: z.string().max(20).optional(),
    secret: z.string().max(5).optional(),
    visibility: z.string().max(20).optional(),
    shortNotice: z.string().max(5).optional(),
    shortNoticeReason: z.string().max(1000).optional(),
    closesAt: z.string().max(40).optional(),
    version: z.string().max(12).optional(),
  })
  .strict()

/** What was entered (to show the form again), and the domain's input read from it (refused if unreadable). */
export interface OpenRoundForm {
  values: OpenRoundValues
  /** Throws a `validation` refusal naming the field when the form cannot become an input. */
  input: () => OpenRoundInput
}

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined => list.find((x) => x === value)

/**
 * Reads the open-round form (strings from a browser, quorum in percent, the deadline as
 * wall-clock time of the alliance) into the domain's input, or says which field is wrong.
 */
export async function readOpenRoundForm(c: Context<AppEnv>): Promise<OpenRoundForm> {
  let raw: z.infer<typeof Form>
  try {
    raw = await readForm(c, Form)
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') raw = {}
    else throw error
  }
  // An older form (or a hand-made post) may still send the `secret` box.
  const visibility = visibilityOf({ visibility: oneOf(VISIBILITIES, raw.visibility), secret: raw.secret === '1' })
  const values: OpenRoundValues = {
    kind: raw.kind ?? '',
    electorate: raw.electorate ?? '',
    majority: raw.majority ?? 'simple',
    quorum: raw.quorum ?? '',
    visibility: visibility,
    shortNotice: raw.shortNotice === '1',
    shortNoticeReason: raw.shortNoticeReason ?? '',
    closesAt: raw.closesAt ?? '',
    version: raw.version ?? 'new',
  }
  return { values, input: () => inputOf(raw, values) }
}

function inputOf(raw: z.infer<typeof Form>, values: OpenRoundValues): OpenRoundInput {
  const bad = (field: string, detail: ErrorDetail): never => fail('validation', detail, field)
  const kind = oneOf(ROUND_KINDS, raw.kind)
  if (!kind) return bad('kind', { key: 'error.field_required', params: { field: { key: 'rounds.open.kind' } } })
  const electorate = oneOf(ELECTORATES, raw.electorate)
  if (!electorate) return bad('electorate', { key: 'error.field_required', params: { field: { key: 'rounds.open.electorate' } } })
  const majority = oneOf(MAJORITIES, raw.majority) ?? 'simple'
  const percent = Number((raw.quorum ?? '').trim().replace(',', '.'))
  if (!raw.quorum?.trim() || !Number.isFinite(percent) || percent < 0 || percent > 100) return bad('quorum', { key: 'rounds.error.quorum_invalid' })
  const closesAt = fromLocalInput((raw.closesAt ?? '').trim())
  if (closesAt === null) return bad('closesAt', { key: 'rounds.error.closes_at_invalid' })
  // The box is the explicit confirmation; the reason without it counts for nothing.
  if (values.shortNotice && !values.shortNoticeReason.trim()) return bad('shortNotice', { key: 'rounds.short_notice.reason_required' })
  let versionNumber: number | undefined
  if (values.version !== 'new') {
    versionNumber = Number(values.version)
    if (!Number.isInteger(versionNumber) || versionNumber < 1) return bad('version', { key: 'rounds.error.version_not_found' })
  }
  return {
    kind,
    electorate,
    // The form always sends a majority; a consent round simply has none.
    majority: kind === 'vote' ? majority : undefined,
    quorum: percent / 100,
    visibility: oneOf(VISIBILITIES, values.visibility) ?? 'open',
    shortNoticeReason: values.shortNotice ? values.shortNoticeReason : undefined,
    closesAt,
    versionNumber,
  }
}
