import { formatDateTime as formatZoned } from '../positions/format-time.ts'
import type { PageContext } from '../layout.tsx'

export interface InviteLinkInfo {
  name: string
  url: string
  expiresAt: number
}

export function formatDateTime(ctx: PageContext, ms: number): string {
  // The alliance's time zone, named, as every other deadline (the link expires at that time).
  return formatZoned(ms, ctx.locale)
}

/** The one-time link shown to the admin right after it was made; it cannot be shown again later. */
export function InviteLink({ ctx, invite }: { ctx: PageContext; invite: InviteLinkInfo }) {
  const { t } = ctx
  return (
    <section class="notice notice-success invite-link" aria-labelledby="invite-link-title">
      <h2 id="invite-link-title">{t('admin.people.invite_title', { name: invite.name })}</h2>
      <p>{t('admin.people.invite_explain', { name: invite.name, date: formatDateTime(ctx, invite.expiresAt) })}</p>
      <code class="setup-link">{invite.url}</code>
    </section>
  )
}
