import { MAX_COMMENT_LENGTH, linkify } from '../../../shared/comments/mentions.ts'
import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { FormError, PostForm, TextArea } from '../form/field.tsx'
import { formView, type FormProblem, type FormValues } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'

/** An amendment's discussion as the page shows it: the replies of its comment thread. */
export interface DiscussionView {
  /** The comment thread; its first comment is the amendment's reason, shown above. */
  id: string
  replies: number
  resolved: boolean
  posts: Array<{ id: string; author: string | null; body: string; deleted: boolean; edited: boolean; createdAt: number }>
}

/** The reply form of one discussion, as entered when it was refused. */
export interface RefusedReply {
  amendmentId: string
  values: FormValues
  problem: FormProblem
}

/** The ids of a discussion's reply form (the error summary links to its field). */
export function replyForm(amendmentId: string, refused: RefusedReply | null | undefined) {
  const mine = refused?.amendmentId === amendmentId ? refused : null
  return formView({ prefix: `reply-${amendmentId}-`, values: mine?.values, problem: mine?.problem, fields: { body: `reply-${amendmentId}-body` } })
}

/**
 * Under each amendment: its discussion (the replies in order, "gelöscht" for a deleted one) and a
 * reply form that works without JavaScript. Links in replies are made clickable; everything is text.
 */
export function AmendmentDiscussion(props: { ctx: PageContext; amendmentId: string; label: string; discussion: DiscussionView; canReply: boolean; refused?: RefusedReply | null | undefined }) {
  const { ctx, discussion, label } = props
  const { t } = ctx
  const form = replyForm(props.amendmentId, props.refused)
  const headingId = `discussion-${props.amendmentId}`
  const count = discussion.replies === 0 ? t('amendments.discussion.none') : discussion.replies === 1 ? t('amendments.discussion.count_one') : t('amendments.discussion.count', { n: discussion.replies })
  return (
    <section class="amendment-discussion" aria-labelledby={headingId} id={`thread-${discussion.id}`}>
      <h3 id={headingId}>
        {t('amendments.discussion.heading', { label })} <span class="muted">({count})</span>
      </h3>
      {discussion.resolved ? <p class="hint">{t('amendments.discussion.resolved')}</p> : null}
      {discussion.posts.length ? (
        <ol class="comment-replies">
          {discussion.posts.map((post) => (
            <li class="comment-reply" id={`comment-${post.id}`}>
              <p class="comment-meta">
                <strong>{post.author ?? t('comments.unknown_author')}</strong> · {formatDateTime(post.createdAt, ctx.locale)}
                {post.edited && !post.deleted ? <> · {t('comments.edited')}</> : null}
              </p>
              {post.deleted ? (
                <p class="comment-deleted">{t('comments.deleted')}</p>
              ) : (
                <p class="comment-body" lang={CONTENT_LOCALE}>
                  {linkify(post.body).map((part) => ('href' in part ? <a href={part.href}>{part.text}</a> : part.text))}
                </p>
              )}
            </li>
          ))}
        </ol>
      ) : null}
      {props.canReply ? (
        <>
          <FormError form={form} />
          <PostForm action={`/amendments/${props.amendmentId}/replies`} class="comment-form">
            <TextArea
              form={form}
              name="body"
              label={t('amendments.discussion.reply_label', { label })}
              hint={t('amendments.discussion.reply_hint', { max: MAX_COMMENT_LENGTH })}
              required
              maxlength={MAX_COMMENT_LENGTH}
              rows={3}
              lang={CONTENT_LOCALE}
            />
            <button type="submit">{t('amendments.discussion.submit')}</button>
          </PostForm>
        </>
      ) : (
        <p class="hint">{t('amendments.discussion.readonly')}</p>
      )}
    </section>
  )
}
