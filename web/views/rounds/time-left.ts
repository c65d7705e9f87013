import type { MessageKey, Translate } from '../../../shared/i18n/index.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "noch 3 Tage", "noch 5 Stunden", … rounded down, so it never promises more time than there is. */
export function timeLeft(t: Translate, now: number, closesAt: number): string {
  const left = closesAt - now
  if (left <= 0) return t('rounds.time_left.over')
  const unit = (base: 'days' | 'hours' | 'minutes', n: number) => t(`rounds.time_left.${base}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n })
  if (left >= 2 * DAY) return unit('days', Math.floor(left / DAY))
  if (left >= 2 * HOUR) return unit('hours', Math.floor(left / HOUR))
  if (left >= MINUTE) return unit('minutes', Math.floor(left / MINUTE))
  return t('rounds.time_left.less_than_minute')
}
