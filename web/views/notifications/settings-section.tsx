import { ESSENTIAL_KINDS, NOTIFICATION_KINDS, NOTIFICATION_MODES, type NotificationKind, type NotificationMode } from '../../../shared/notifications/kinds.ts'
import { SuccessNotice, type PageContext } from '../layout.tsx'

export interface NotificationSettingsProps {
  ctx: PageContext
  settings: Record<NotificationKind, NotificationMode>
  saved: boolean
  calendarUrl: string | null
}

/** On the account page: a mode per kind of mail, and the personal calendar feed. */
export function NotificationSettingsSection({ ctx, settings, saved, calendarUrl }: NotificationSettingsProps) {
  const { t } = ctx
  const kinds = NOTIFICATION_KINDS.filter((k) => !ESSENTIAL_KINDS.includes(k))
  return (
    <>
      <section aria-labelledby="notifications">
        <h2 id="notifications">{t('notify.settings.heading')}</h2>
        <p>{t('notify.settings.hint')}</p>
        <SuccessNotice message={saved ? t('notify.settings.saved') : null} />
        <form method="post" action="/me/notification-settings">
          {kinds.map((kind) => (
            <div>
              <label for={`notify-${kind}`}>{t(`notify.kind.${kind}`)}</label>
              <select id={`notify-${kind}`} name={kind}>
                {NOTIFICATION_MODES.map((mode) => (
                  <option value={mode} selected={settings[kind] === mode}>
                    {t(`notify.mode.${mode}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div>
            <button type="submit">{t('notify.settings.save')}</button>
          </div>
        </form>
      </section>
      <section aria-labelledby="calendar">
        <h2 id="calendar">{t('notify.calendar.heading')}</h2>
        <p>{t('notify.calendar.hint')}</p>
        {calendarUrl ? (
          <>
            <label for="calendar-url">{t('notify.calendar.url')}</label>
            <input id="calendar-url" type="text" readonly value={calendarUrl} />
          </>
        ) : (
          <p>{t('notify.calendar.none')}</p>
        )}
        <form method="post" action="/me/calendar">
          <div>
            <button type="submit">{calendarUrl ? t('notify.calendar.renew') : t('notify.calendar.create')}</button>
          </div>
        </form>
      </section>
    </>
  )
}
