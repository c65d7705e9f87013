import { DEFAULT_TIME_ZONE } from './publishing/result-sentence.ts'

// <input type="datetime-local"> speaks wall-clock time without a zone; the alliance lives in
// one zone (DEFAULT_TIME_ZONE), so its wall clock is what the form shows and reads.

function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - Math.floor(ms / 1000) * 1000
}

/** "2026-11-28T10:00" for the wall-clock time in the zone (minutes precision). */
export function toLocalInput(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  const local = new Date(ms + zoneOffsetMs(ms, timeZone))
  return local.toISOString().slice(0, 16)
}

/**
 * The instant of a wall-clock time in the zone, or null when the text is not "YYYY-MM-DDTHH:MM".
 * A wall-clock time that a DST switch skips or repeats maps to an instant within that hour.
 */
export function fromLocalInput(text: string, timeZone = DEFAULT_TIME_ZONE): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text)
  if (!match) return null
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number]
  if (h > 23 || mi > 59 || s > 59) return null
  const wall = Date.UTC(y, mo - 1, d, h, mi, s)
  const check = new Date(wall)
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null
  const first = wall - zoneOffsetMs(wall, timeZone)
  const second = wall - zoneOffsetMs(first, timeZone)
  return Math.min(first, second)
}
