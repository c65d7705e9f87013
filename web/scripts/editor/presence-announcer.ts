import type { EditorTranslate } from './messages.ts'

/** How long the list of comings and goings must stay still before it is announced. */
const QUIET_MS = 1500
/** Above this many names in one announcement, say how many instead. */
const MAX_NAMES = 3

/**
 * Announces who joined and who left in a polite live region, batched: changes are collected
 * until the presence list has been still for a moment, then said in at most two sentences, so a
 * crowd arriving at once (or a flaky connection) does not flood the screen reader. Someone who
 * leaves and comes back within the batch is not mentioned at all. Returns the function to call
 * with the people present (id → name, without the viewer) whenever that set may have changed.
 */
export function presenceAnnouncer(region: HTMLElement, t: EditorTranslate): (people: Map<string, string>) => void {
  let known: Map<string, string> | null = null
  let announced = new Map<string, string>()
  let timer: ReturnType<typeof setTimeout> | undefined
  // Who is already here when the page opens is in the visible list; only changes after that are news.
  let first = true
  const names = (list: string[], one: 'editor.presence.joined_one' | 'editor.presence.left_one', many: 'editor.presence.joined' | 'editor.presence.left', count: 'editor.presence.joined_count' | 'editor.presence.left_count') => {
    if (list.length === 0) return ''
    if (list.length > MAX_NAMES) return t(count, { count: String(list.length) })
    return list.length === 1 ? t(one, { name: list[0]! }) : t(many, { names: list.join(', ') })
  }
  const flush = () => {
    timer = undefined
    const now = known ?? new Map<string, string>()
    const joined = [...now].filter(([id]) => !announced.has(id)).map(([, name]) => name).sort()
    const left = [...announced].filter(([id]) => !now.has(id)).map(([, name]) => name).sort()
    announced = new Map(now)
    if (first) {
      first = false
      return
    }
    const text = [
      names(joined, 'editor.presence.joined_one', 'editor.presence.joined', 'editor.presence.joined_count'),
      names(left, 'editor.presence.left_one', 'editor.presence.left', 'editor.presence.left_count'),
    ].filter(Boolean).join(' ')
    if (text) region.textContent = text
  }
  return (people) => {
    known = new Map(people)
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(flush, QUIET_MS)
  }
}
