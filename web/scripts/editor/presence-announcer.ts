import type { EditorTranslate } from './messages.ts'

/** How long the list of comings and goings must stay still before it is announced. */
const QUIET_MS = 1500
/** Above this many names in one announcement, say how many instead. */
const MAX_NAMES = 3

/**
 * Announces who joined and who left in a polite live region, batched: changes are collected
 * until the presence list has been still for a moment, then said in at most two sentences, so a
 * crowd arriving at once (or a flaky connection) does not flood the screen reader. Someone who
 * leaves and comes back within the batch is not mentioned at all.
 *
 * Who is already here when the page opens is in the visible list; only changes after that are
 * news. The server sends the others' presence before its sync reply, so `settle()` — called at the
 * first sync — takes the people present then as the starting point; nothing is announced before.
 * `update` is called with the people present (id → name, without the viewer) whenever that set
 * may have changed.
 */
export function presenceAnnouncer(region: HTMLElement, t: EditorTranslate): { update: (people: Map<string, string>) => void; settle: () => void } {
  let known = new Map<string, string>()
  let announced = new Map<string, string>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let settled = false
  const names = (list: string[], one: 'editor.presence.joined_one' | 'editor.presence.left_one', many: 'editor.presence.joined' | 'editor.presence.left', count: 'editor.presence.joined_count' | 'editor.presence.left_count') => {
    if (list.length === 0) return ''
    if (list.length > MAX_NAMES) return t(count, { count: String(list.length) })
    return list.length === 1 ? t(one, { name: list[0]! }) : t(many, { names: list.join(', ') })
  }
  const flush = () => {
    timer = undefined
    const now = known
    const joined = [...now].filter(([id]) => !announced.has(id)).map(([, name]) => name).sort()
    const left = [...announced].filter(([id]) => !now.has(id)).map(([, name]) => name).sort()
    announced = new Map(now)
    const text = [
      names(joined, 'editor.presence.joined_one', 'editor.presence.joined', 'editor.presence.joined_count'),
      names(left, 'editor.presence.left_one', 'editor.presence.left', 'editor.presence.left_count'),
    ].filter(Boolean).join(' ')
    if (text) region.textContent = text
  }
  return {
    update(people) {
      known = new Map(people)
      if (!settled) {
        announced = new Map(known)
        return
      }
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(flush, QUIET_MS)
    },
    settle() {
      if (settled) return
      settled = true
      announced = new Map(known)
    },
  }
}
