import { choicesFor, type Choice, type RoundKind } from '../../../shared/rules/choices.ts'
import type { Split } from '../../../shared/rules/split.ts'
import { formView } from '../form/form-view.ts'
import { PostForm, TextArea, TextField } from '../form/field.tsx'
import type { PageContext } from '../layout.tsx'
import { choiceLabel } from '../rounds/round-labels.ts'

/** "Ja 2, Enthaltung 1". */
export function splitText(t: PageContext['t'], split: Split): string {
  return (Object.entries(split) as Array<[Choice, number]>).map(([choice, part]) => `${choiceLabel(t, choice)} ${part}`).join(', ')
}

export interface SplitSlot {
  voterKey: string
  label: string
  weight: number
}

/**
 * In a round that allows split votes: one small form per initiative with a weight above 1, a
 * whole number per answer (they must add up to the weight; the server says so when they do not).
 */
export function SplitForms({ ctx, roundId, kind, slots }: { ctx: PageContext; roundId: string; kind: RoundKind; slots: readonly SplitSlot[] }) {
  const { t } = ctx
  const splittable = slots.filter((s) => s.weight > 1)
  if (splittable.length === 0) return null
  return (
    <>
      {splittable.map((s) => {
        const prefix = `split-${s.voterKey}-`
        const form = formView({ prefix })
        return (
          <PostForm action={`/rounds/${roundId}/split-ballot#ballot-heading`} class="split-form" novalidate>
            <fieldset>
              <legend>
                {s.label}: {t('proxies.split.legend', { weight: s.weight })}
              </legend>
              <p class="hint">{t('proxies.split.hint', { weight: s.weight })}</p>
              <input type="hidden" name="initiativeId" value={s.voterKey} />
              <div class="split-parts">
                {choicesFor(kind).map((choice) => (
                  <TextField form={form} name={`part_${choice}`} id={`${prefix}${choice}`} label={choiceLabel(t, choice)} type="number" value="0" min={0} max={s.weight} step={1} inputmode="numeric" />
                ))}
              </div>
              <TextArea form={form} name="reason" id={`${prefix}reason`} label={t('rounds.page.reason')} maxlength={4000} />
              <button type="submit">{t('proxies.split.submit')}</button>
            </fieldset>
          </PostForm>
        )
      })}
    </>
  )
}
