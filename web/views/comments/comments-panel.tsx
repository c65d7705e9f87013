import { MAX_COMMENT_LENGTH } from '../../../shared/comments/mentions.ts'
import type { PageContext } from '../layout.tsx'

export interface CommentsPanelProps {
  ctx: PageContext
  positionId: string
  /** May the viewer start threads (on a passage they select in the editor) and reply. */
  canWrite: boolean
  /** Only the threads on this version (the frozen text of a round); else all of the position. */
  versionNumber?: number
  /** Whether a passage can be selected here to start a thread. */
  selectable: boolean
  /** Level of the panel's heading (3 inside the draft's section, 2 on its own). */
  heading?: 2 | 3
}

/**
 * The comments beside the text (below it on a phone). The threads are drawn by
 * web/scripts/comments/panel.ts from GET /api/positions/:id/comments and kept live; the page
 * renders the frame and the form, with the same field markup as the other forms.
 */
export function CommentsPanel({ ctx, positionId, canWrite, versionNumber, selectable, heading = 3 }: CommentsPanelProps) {
  const { t } = ctx
  return (
    <aside
      class="comments"
      id="comments"
      aria-labelledby="comments-heading"
      data-comments
      data-position-id={positionId}
      data-locale={ctx.locale}
      data-version={versionNumber === undefined ? undefined : String(versionNumber)}
      data-can-write={canWrite ? 'true' : 'false'}
    >
      {heading === 2 ? <h2 id="comments-heading">{t('comments.heading')}</h2> : <h3 id="comments-heading">{t('comments.heading')}</h3>}
      {canWrite && selectable ? (
        <form class="comment-new" data-comment-new hidden novalidate>
          <p class="hint" id="comment-new-how">
            {t(versionNumber === undefined ? 'comments.hint_select' : 'comments.hint_select_frozen')}
          </p>
          <p class="comment-selection">
            <span>{t('comments.selection')}: </span>
            <span data-comment-selection data-empty="true">{t('comments.no_selection')}</span>
          </p>
          <label for="comment-new-body">{t('comments.new_label')}</label>
          <p class="hint" id="comment-new-body-hint">
            {t('comments.body_hint', { max: MAX_COMMENT_LENGTH })}
          </p>
          <p class="field-error" id="comment-new-body-error" data-comment-error hidden></p>
          <textarea id="comment-new-body" name="body" rows={3} maxlength={MAX_COMMENT_LENGTH} aria-describedby="comment-new-how comment-new-body-hint"></textarea>
          <div>
            <button type="submit">{t('comments.submit')}</button>
          </div>
        </form>
      ) : null}
      {!canWrite ? <p class="hint">{t('comments.hint_readonly')}</p> : null}
      <p class="visually-hidden" role="status" aria-live="polite" data-comments-announce></p>
      <div data-comments-list>
        <p class="hint">{t('comments.loading')}</p>
      </div>
      <noscript>
        <p class="hint">{t('positions.page.noscript')}</p>
      </noscript>
    </aside>
  )
}
