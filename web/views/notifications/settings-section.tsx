import { ESSENTIAL_KINDS, NOTIFICATION_KINDS, NOTIFICATION_MODES, type NotificationKind, type NotificationMode } from '../../../shared/notifications/kinds.ts'
import { PostForm, SelectField, TextField } from '../form/field.tsx'
import { formView } from '../form/form-view.ts'
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
  const form = formView({ prefix: 'notify-', values: settings })
  const modes = NOTIFICATION_MODES.map((mode) => ({ value: mode, label: t(`notify.mode.${mode}`) }))
  return (
    <>
      <section aria-labelledby="notifications">
        <h2 id="notifications">{t('notify.settings.heading')}</h2>
        <p>{t('notify.settings.hint')}</p>
        <SuccessNotice message={saved ? t('notify.settings.saved') : null} />
        <PostForm action="/me/notification-settings">
          {kinds.map((kind) => (
            <SelectField form={form} name={kind} label={t(`notify.kind.${kind}`)} options={modes} />
          ))}
          <div>
            <button type="submit">{t('notify.settings.save')}</button>
          </div>
        </PostForm>
      </section>
      <section aria-labelledby="calendar">
        <h2 id="calendar">{t('notify.calendar.heading')}</h2>
        <p>{t('notify.calendar.hint')}</p>
        {calendarUrl ? (
          <>
            <TextField form={formView({ prefix: 'calendar-' })} id="calendar-url" name="url" label={t('notify.calendar.url')} readonly value={calendarUrl} />
          </>
        ) : (
          <p>{t('notify.calendar.none')}</p>
        )}
        <PostForm action="/me/calendar">
          <div>
            <button type="submit">{calendarUrl ? t('notify.calendar.renew') : t('notify.calendar.create')}</button>
          </div>
        </PostForm>
      </section>
    </>
  )
}
