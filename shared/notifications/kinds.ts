import type { MessageKey } from '../i18n/index.ts'

/** Every kind of notification, in the order the settings list them. Add a kind here and in server/notifications/kinds.ts. */
export const NOTIFICATION_KINDS = [
  'invitation',
  'password_reset',
  'round_opened',
  'closing_soon',
  'nudge',
  'deadline_extended',
  'round_cancelled',
  'round_closed',
  'adopted',
  'published',
  'withdrawn',
  'mentioned',
  'amendment_conflict',
  'amendment_proposed',
  'amendment_reply',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const NOTIFICATION_MODES = ['immediate', 'digest', 'off'] as const
export type NotificationMode = (typeof NOTIFICATION_MODES)[number]

/** Mails a person cannot turn off: they are how an account is reached at all. */
export const ESSENTIAL_KINDS: readonly NotificationKind[] = ['invitation', 'password_reset']

/** What a person gets when they never chose: what asks them to act at once, the rest collected. */
export const DEFAULT_MODES: Record<NotificationKind, NotificationMode> = {
  invitation: 'immediate',
  password_reset: 'immediate',
  round_opened: 'immediate',
  closing_soon: 'immediate',
  nudge: 'immediate',
  deadline_extended: 'digest',
  round_cancelled: 'digest',
  round_closed: 'digest',
  adopted: 'digest',
  published: 'digest',
  withdrawn: 'digest',
  mentioned: 'immediate',
  amendment_conflict: 'immediate',
  // The coordination decides each amendment; a discussion wants its answer while it is on.
  amendment_proposed: 'immediate',
  amendment_reply: 'immediate',
}

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value)
}

export function kindLabelKey(kind: NotificationKind): MessageKey {
  return `notify.kind.${kind}`
}
