import type { PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'
import { CheckboxField } from '../form/field.tsx'
import type { FormView } from '../form/form-view.ts'
import type { BallotSlot } from './ballot-page.tsx'
import { choiceLabel } from './round-labels.ts'

// Two delegates of one initiative: the second sees who gave the current answer and when, and
// replaces it only by ticking a box. The form names the answers it saw ("seen"), so an answer a
// colleague gives meanwhile is not overwritten unseen either.

/** The current answer of one voter slot: what, by whom, when. */
export function CurrentAnswer({ ctx, slot }: { ctx: PageContext; slot: BallotSlot }) {
  const { t, locale } = ctx
  if (!slot.choice) return null
  const choice = choiceLabel(t, slot.choice)
  if (slot.castAt === null || slot.castByName === null) return <p class="current-answer">{t('rounds.page.current', { voter: slot.label, choice })}</p>
  const date = formatDateTime(slot.castAt, locale)
  return (
    <p class="current-answer">
      {slot.castByOther
        ? t('rounds.answer.by', { voter: slot.label, choice, name: slot.castByName, date })
        : t('rounds.answer.by_you', { voter: slot.label, choice, date })}
    </p>
  )
}

/** "key=ballotId key=" for the slots the form can answer: which answers the sender saw. */
export function seenValue(slots: BallotSlot[]): string {
  return slots.map((s) => `${s.voterKey}=${s.ballotId ?? ''}`).join(' ')
}

/** The answer the sender saw for this voter (null: none), or undefined when the form did not say. */
export function seenFor(seen: string | undefined, voterKey: string): string | null | undefined {
  if (seen === undefined) return undefined
  for (const pair of seen.split(' ')) {
    const [key, id] = pair.split('=')
    if (key === voterKey) return id ? id : null
  }
  return undefined
}

/** The box to tick before a colleague's answer is replaced (only shown when there is one). */
export function ReplaceConfirm({ ctx, slots, form }: { ctx: PageContext; slots: BallotSlot[]; form: FormView }) {
  const { t } = ctx
  const others = slots.filter((s) => s.castByOther && s.castByName)
  if (others.length === 0) return null
  const names = [...new Set(others.map((s) => s.castByName!))].join(', ')
  return (
    <div class="replace-confirm">
      {others.map((s) => (
        <p class="hint" id={`replace-hint-${s.voterKey}`}>
          {t('rounds.replace.hint', { name: s.castByName!, voter: s.label })}
        </p>
      ))}
      <CheckboxField
        form={form}
        name="replace"
        value="yes"
        checked={false}
        label={t('rounds.replace.confirm', { name: names })}
        describedBy={others.map((s) => `replace-hint-${s.voterKey}`).join(' ')}
      />
    </div>
  )
}
