/**
 * Who sees which answer of a round, fixed when it opens:
 * - `open`: everyone who can see the round sees who answered what, while it runs and after;
 * - `until_close`: who answered is visible, what they answered only once the round has closed
 *   (then with names), so early answers do not sway later ones; a round cancelled before its end
 *   never shows them: people answered for a result that never came;
 * - `secret`: who answered is visible, what they answered never is (stored apart, unlinkable).
 */
export const VISIBILITIES = ['open', 'until_close', 'secret'] as const
export type Visibility = (typeof VISIBILITIES)[number]

/** The visibility of a round opened with the older boolean `secret` (and no visibility). */
export function visibilityOf(input: { visibility?: Visibility | undefined; secret?: boolean | undefined }): Visibility {
  return input.visibility ?? (input.secret ? 'secret' : 'open')
}

/** Whether the answers of a round may be shown with the voters' names right now. */
export function answersShown(visibility: Visibility, closed: boolean, cancelled = false): boolean {
  if (visibility === 'open') return true
  if (visibility === 'until_close') return closed && !cancelled
  return false
}
