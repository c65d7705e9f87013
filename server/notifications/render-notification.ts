import type { MessageKey, Params, Translate } from '../../shared/i18n/index.ts'
import type { NotificationKind } from '../../shared/notifications/kinds.ts'
import { resultSentence } from '../../shared/publishing/result-sentence.ts'
import { formatDateTime } from '../../web/views/positions/format-time.ts'
import type { Facts } from './kinds.ts'

export interface RenderedNotification {
  subject: string
  paragraphs: string[]
  action: { label: string; url: string }
}

/** The words of one notification in one language; links absolute from PUBLIC_URL. */
export function renderNotification(kind: NotificationKind, facts: Facts, t: Translate, publicUrl: string): RenderedNotification {
  const { locale } = t
  const params: Params = {
    title: facts.title ?? '',
    reason: facts.reason ?? '',
    author: facts.author ?? '',
    quote: facts.quote ?? '',
    text: facts.text ?? '',
  }
  if (facts.amendment !== undefined) params.number = facts.amendment
  if (facts.versionNumber !== undefined) params.version = facts.versionNumber
  if (facts.roundKind) {
    params.kind = t(`rounds.kind.${facts.roundKind}`)
    params.kindInline = t(`rounds.kind.${facts.roundKind}.inline`)
  }
  // Deadlines are shown in the alliance's time zone, named (people have no zone of their own yet).
  if (facts.closesAt !== undefined) params.deadline = formatDateTime(facts.closesAt, locale)
  if (facts.expiresAt !== undefined) params.date = formatDateTime(facts.expiresAt, locale)
  if (facts.result) params.result = resultSentence(facts.result, t)
  if (facts.amendmentNumber !== undefined) params.label = t('amendments.label', { number: facts.amendmentNumber })
  if (facts.amendmentOutcomes) {
    params.result = facts.amendmentOutcomes
      .map((o) => t('amendments.round.outcome_item', { label: t('amendments.label', { number: o.number }), outcome: t(`amendments.round.outcome.${o.outcome}`) }))
      .join('; ')
  }
  const key = (part: string) => `notify.${kind}.${part}` as MessageKey
  const paragraphs = [t(key('body'), params)]
  if (kind === 'round_opened') paragraphs.push(t('notify.round_opened.calendar'))
  if ((kind === 'mentioned' || kind === 'amendment_proposed' || kind === 'amendment_reply') && facts.text) paragraphs.push(t(key('text'), params))
  return { subject: t(key('subject'), params), paragraphs, action: { label: t(key('action')), url: absoluteUrl(facts.url, publicUrl) } }
}

export function absoluteUrl(url: string, publicUrl: string): string {
  return /^https?:\/\//.test(url) ? url : `${publicUrl}${url}`
}
