import type { Context } from 'hono'
import { z } from 'zod'
import { AppError } from '../../shared/errors.ts'
import { ELECTORATES, MAJORITIES, ROUND_KINDS } from '../../shared/rules/choices.ts'
import { VISIBILITIES, visibilityOf } from '../../shared/rules/visibility.ts'
import type { OpenRoundValues } from '../../web/views/rounds/open-round-form.tsx'
import { fromLocalInput } from '../../web/views/rounds/zoned-time.ts'
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

export type OpenRoundFormResult =
  | { ok: true; input: OpenRoundInput; values: OpenRoundValues }
  | { ok: false; values: OpenRoundValues; error: { message: string; field: string } }

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined => list.find((x) => x === value)

/**
 * Reads the open-round form (strings from a browser, quorum in percent, the deadline as
 * wall-clock time of the alliance) into the domain's input, or says which field is wrong.
 */
export async function readOpenRoundForm(c: Context<AppEnv>): Promise<OpenRoundFormResult> {
  const t = c.get('t')
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
  const bad = (field: string, message: string): OpenRoundFormResult => ({ ok: false, values, error: { field, message } })
  const kind = oneOf(ROUND_KINDS, raw.kind)
  if (!kind) return bad('kind', t('error.field_required', { field: t('rounds.open.kind') }))
  const electorate = oneOf(ELECTORATES, raw.electorate)
  if (!electorate) return bad('electorate', t('error.field_required', { field: t('rounds.open.electorate') }))
  const majority = oneOf(MAJORITIES, raw.majority) ?? 'simple'
  const percent = Number((raw.quorum ?? '').trim().replace(',', '.'))
  if (!raw.quorum?.trim() || !Number.isFinite(percent) || percent < 0 || percent > 100) return bad('quorum', t('rounds.error.quorum_invalid'))
  const closesAt = fromLocalInput((raw.closesAt ?? '').trim())
  if (closesAt === null) return bad('closesAt', t('rounds.error.closes_at_invalid'))
  // The box is the explicit confirmation; the reason without it counts for nothing.
  if (values.shortNotice && !values.shortNoticeReason.trim()) return bad('shortNotice', t('rounds.short_notice.reason_required'))
  let versionNumber: number | undefined
  if (values.version !== 'new') {
    versionNumber = Number(values.version)
    if (!Number.isInteger(versionNumber) || versionNumber < 1) return bad('version', t('rounds.error.version_not_found'))
  }
  return {
    ok: true,
    values,
    input: {
      kind,
      electorate,
      // The form always sends a majority; a consent round simply has none.
      majority: kind === 'vote' ? majority : undefined,
      quorum: percent / 100,
      visibility,
      shortNoticeReason: values.shortNotice ? values.shortNoticeReason : undefined,
      closesAt,
      versionNumber,
    },
  }
}
