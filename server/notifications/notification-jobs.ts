import nodemailer, { type Transporter } from 'nodemailer'
import type { Config } from '../config.ts'
import type { Deps } from '../deps.ts'
import type { Logger } from '../log.ts'
import { deliverDue } from './deliver-mail.ts'
import { queueDigests } from './digest.ts'
import { remindClosingRounds } from './reminders.ts'

/**
 * The notification jobs of one app: delivering the outbox, reminders before deadlines, daily
 * digests. A member of the app context (Deps.notifications): its timer and transport live as long
 * as the app, and two apps in one process share nothing. Tests do not start it; they call
 * `runOnce` with their clock.
 */
export interface NotificationJobs {
  /** Whether SMTP_URL is set; without it mails wait in the outbox. */
  readonly mailConfigured: boolean
  readonly mailFrom: string
  /** The SMTP host, for the admin page (never the password). */
  readonly smtpHost: string | null
  /** Starts the timer; runs at once (mails committed before a crash go out right after the restart). */
  start(deps: Deps): void
  stop(): void
  /** Something was queued: run soon (after the current transaction commits). No-op until started. */
  wake(): void
  /** One pass: reminders due, digests due, then deliveries due. */
  runOnce(deps: Deps): Promise<{ sent: number; failed: number }>
}

/** How often the job looks for due reminders and digests even when nothing woke it. */
const POLL_MS = 30_000

export function createNotificationJobs(config: Config, log: Logger): NotificationJobs {
  const mailFrom = config.mailFrom ?? `Sprachrohr <sprachrohr@${new URL(config.publicUrl).hostname}>`
  let transport: Transporter | null = null
  const getTransport = () => (transport ??= config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null)
  let timer: ReturnType<typeof setTimeout> | undefined
  let started: Deps | undefined
  let running: Promise<unknown> | undefined
  let again = false

  const runOnce = async (deps: Deps) => {
    remindClosingRounds(deps)
    queueDigests(deps)
    const t = getTransport()
    return t ? deliverDue(deps, t, mailFrom) : { sent: 0, failed: 0 }
  }

  const schedule = (ms: number) => {
    if (!started) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(tick, ms)
    timer.unref?.()
  }

  const tick = () => {
    timer = undefined
    const deps = started
    if (!deps) return
    if (running) {
      again = true
      return
    }
    running = runOnce(deps)
      .catch((error: unknown) => deps.log.error('notification job failed', { error }))
      .finally(() => {
        running = undefined
        if (!started) return
        if (again) {
          again = false
          schedule(0)
        } else schedule(POLL_MS)
      })
  }

  return {
    mailConfigured: Boolean(config.smtpUrl),
    mailFrom,
    smtpHost: config.smtpUrl ? new URL(config.smtpUrl).host : null,
    start(deps) {
      started = deps
      if (!config.smtpUrl) log.warn('mail is not set up (SMTP_URL is missing): mails wait in the outbox until it is set')
      schedule(0)
    },
    stop() {
      started = undefined
      if (timer) clearTimeout(timer)
      timer = undefined
      transport?.close()
    },
    wake() {
      // setTimeout, not a microtask: the caller's transaction commits first.
      if (started && !running) schedule(0)
      else if (running) again = true
    },
    runOnce,
  }
}
