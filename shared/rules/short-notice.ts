import { fail } from '../errors.ts'

/**
 * A round whose deadline is less than this far away when it opens is "kurzfristig": people who
 * read their mail once a day could miss it, so it opens only with a reason that voters see.
 */
export const SHORT_NOTICE_MS = 24 * 3600 * 1000

/** Whether a round opened at `now` and closing at `closesAt` is a short-notice round. */
export function isShortNotice(now: number, closesAt: number): boolean {
  return closesAt - now < SHORT_NOTICE_MS
}

/**
 * The short-notice reason a round opened at `now` keeps: a short-notice round needs one
 * (else `deadline_too_soon` on the field `shortNotice`); any other round keeps none.
 */
export function shortNoticeReasonFor(now: number, closesAt: number, given: string | undefined): string | null {
  if (!isShortNotice(now, closesAt)) return null
  return given?.trim() || fail('deadline_too_soon', undefined, 'shortNotice')
}
