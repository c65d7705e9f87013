import type { Awareness } from 'y-protocols/awareness'
import type { EditorTranslate } from './messages.ts'
import { presenceAnnouncer } from './presence-announcer.ts'

interface PresenceUser {
  id: string
  name: string
  color: string
}

const COLOR = /^#[0-9a-f]{6}$/i

function userOf(state: Record<string, unknown> | undefined): PresenceUser | null {
  const user = state?.user as Partial<PresenceUser> | undefined
  if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') return null
  return { id: user.id, name: user.name, color: typeof user.color === 'string' && COLOR.test(user.color) ? user.color : '#4a4a4a' }
}

/**
 * Keeps the "Anwesend" list in step with awareness: one entry per person (someone with two tabs
 * open appears once), the viewer first. Names come from the server's stamp, not from clients.
 */
export function showPresence(
  awareness: Awareness,
  list: HTMLElement,
  self: PresenceUser,
  t: EditorTranslate,
  colors: () => ReadonlyMap<string, string>,
  region?: HTMLElement | null,
): { settle: () => void } {
  const announcer = region ? presenceAnnouncer(region, t) : null
  let last: string | null = null
  const render = () => {
    const people = new Map<string, PresenceUser>()
    for (const state of awareness.getStates().values()) {
      const user = userOf(state)
      if (user && user.id !== self.id) people.set(user.id, user)
    }
    const others = [...people.values()].sort((a, b) => a.name.localeCompare(b.name))
    // Awareness changes with every caret move; only a change of who is here is news.
    const who = others.map((u) => `${u.id}\n${u.name}`).join('\n')
    if (who !== last) {
      last = who
      announcer?.update(new Map(others.map((u) => [u.id, u.name])))
    }
    const items = [{ ...self, name: t('editor.presence.you', { name: self.name }) }, ...others].map((user) => {
      const li = document.createElement('li')
      const dot = document.createElement('span')
      dot.className = 'presence-dot'
      dot.setAttribute('aria-hidden', 'true')
      dot.style.backgroundColor = colors().get(user.id) ?? user.color
      li.append(dot, document.createTextNode(user.name))
      return li
    })
    list.replaceChildren(...items)
  }
  awareness.on('change', render)
  render()
  return { settle: () => announcer?.settle() }
}
