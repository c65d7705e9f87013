import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'

export interface RoundEvent {
  roundId: string
  summary: string
  url: string
  closesAt: number
  /** How often the event changed since it was first sent: the round's extensions (one more for a cancellation). */
  sequence: number
}

export interface RoundCalendarOptions {
  host: string
  name: string
  /** The moment the file is made (DTSTAMP), from the injected clock. */
  stamp: number
  /** PUBLISH: the deadline as it stands; CANCEL: the round was cancelled, calendars drop the event. */
  method?: 'PUBLISH' | 'CANCEL'
  /** Who sends it ("Name <address>"); iTIP wants an organizer on a cancellation. */
  organizer?: string
}

/**
 * An iCalendar file with one event per round at its deadline. The same UID for the same round
 * and a SEQUENCE that grows with every extension (and once more for a cancellation), so a
 * calendar updates the event it has instead of adding a second one.
 */
export function roundCalendar(events: RoundEvent[], options: RoundCalendarOptions): string {
  const cancel = options.method === 'CANCEL'
  const calendar = ical({ name: options.name, prodId: { company: 'Sprachrohr', product: 'Sprachrohr' }, method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH })
  for (const e of events) {
    calendar.createEvent({
      id: `round-${e.roundId}@${options.host}`,
      sequence: e.sequence,
      stamp: new Date(options.stamp),
      // A deadline is a moment; a quarter of an hour makes it visible in every calendar view.
      start: new Date(e.closesAt - 15 * 60_000),
      end: new Date(e.closesAt),
      summary: e.summary,
      url: e.url,
      description: e.url,
      ...(options.organizer ? { organizer: options.organizer } : {}),
      ...(cancel ? { status: ICalEventStatus.CANCELLED } : {}),
    })
  }
  return calendar.toString()
}
