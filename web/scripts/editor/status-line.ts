import type { WebsocketProvider } from 'y-websocket'
import type { EditorMessageKey, EditorTranslate } from './messages.ts'

/**
 * The one-line connection state, announced politely to screen readers: saved, offline (edits are
 * kept in the browser and merged on reconnect), connecting, or read only.
 */
export function trackStatus(
  provider: WebsocketProvider,
  element: HTMLElement,
  writable: () => boolean,
  /** Whether "read only" means the draft is locked while a version is being decided. */
  lockedForDecision: boolean,
  t: EditorTranslate,
): () => void {
  let everSynced = false
  let refused: EditorMessageKey | null = null

  const state = (): EditorMessageKey => {
    if (refused) return refused
    const live = provider.wsconnected && provider.synced && navigator.onLine !== false
    if (live) everSynced = true
    if (!writable()) {
      if (!live) return 'editor.status.readonly_offline'
      return lockedForDecision ? 'editor.status.locked' : 'editor.status.readonly'
    }
    if (live) return 'editor.status.saved'
    return everSynced ? 'editor.status.offline' : 'editor.status.connecting'
  }

  let shown: EditorMessageKey | null = null
  const update = () => {
    const key = state()
    if (key === shown) return
    shown = key
    element.textContent = t(key)
    element.dataset.state = key.slice('editor.status.'.length)
  }

  provider.on('status', update)
  provider.on('sync', update)
  provider.on('closed', () => {
    refused = 'editor.status.refused'
    update()
  })
  window.addEventListener('offline', update)
  window.addEventListener('online', update)
  element.hidden = false
  update()
  return update
}
