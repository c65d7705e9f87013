import ical from 'ical-generator'

/** An iCalendar file with one event at a round's deadline; the same UID for the same round, so updates replace it. */
export function roundCalendar(events: Array<{ roundId: string; summary: string; url: string; closesAt: number }>, host: string, name: string): string {
  const calendar = ical({ name, prodId: { company: 'Sprachrohr', product: 'Sprachrohr' } })
  for (const e of events) {
    calendar.createEvent({
      id: `round-${e.roundId}@${host}`,
      // A deadline is a moment; a quarter of an hour makes it visible in every calendar view.
      start: new Date(e.closesAt - 15 * 60_000),
      end: new Date(e.closesAt),
      summary: e.summary,
      url: e.url,
      description: e.url,
    })
  }
  return calendar.toString()
}
