import type { WebsocketProvider } from 'y-websocket'
import type { ReadOnlyReason } from '../../../shared/sync/protocol.ts'
import type { EditorMessageKey, EditorTranslate } from './messages.ts'

// Shown "saving" turns into "saved" only after this long without a new edit, so the line (and
// a screen reader, which announces it) does not flicker with every keystroke. Never the other
// way round: an edit that is not stored yet replaces "saved" at once.
const SETTLE_MS = 400

/**
 * The one-line connection state, announced politely to screen readers: saved (the server has
 * acknowledged storing every edit of this browser), saving, offline (edits are kept in the
 * browser and merged on reconnect), connecting, or read only.
 */
export function trackStatus(
  provider: WebsocketProvider,
  element: HTMLElement,
  writable: () => boolean,
  /** Whether the server has acknowledged storing everything this browser wrote (save-state.ts). */
  saved: () => boolean,
  /** Whether "read only" means the draft is locked while a version is being decided. */
  lockedForDecision: boolean,
  /** Why the server made this editor read-only, when it said so (rights taken away, draft too large). */
  reason: () => ReadOnlyReason | null,
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
      if (reason() === 'rights-removed') return 'editor.status.rights_removed'
      if (reason() === 'draft-too-large') return 'editor.status.too_large'
      return lockedForDecision ? 'editor.status.locked' : 'editor.status.readonly'
    }
    if (live) return saved() ? 'editor.status.saved' : 'editor.status.saving'
    return everSynced ? 'editor.status.offline' : 'editor.status.connecting'
  }

  let shown: EditorMessageKey | null = null
  let savedSince: number | null = null
  let settle: ReturnType<typeof setTimeout> | null = null
  const update = () => {
    const key = state()
    if (key !== 'editor.status.saved') savedSince = null
    else if (shown === 'editor.status.saving') {
      const now = performance.now()
      savedSince ??= now
      const wait = savedSince + SETTLE_MS - now
      if (wait > 0) {
        settle ??= setTimeout(() => {
          settle = null
          update()
        }, wait)
        return
      }
    }
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
