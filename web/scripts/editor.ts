import { Editor, Extension } from '@tiptap/core'
import { Collaboration } from '@tiptap/extension-collaboration'
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret'
// Part of TipTap 3 (a dependency of @tiptap/starter-kit, same version); no package of its own here.
import { Placeholder } from '@tiptap/extensions'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { editorExtensions } from '../../shared/editor/extensions.ts'
import { distinctColors } from '../../shared/presence-color.ts'
import { MESSAGE_AUTH, readAuthMessage, SYNC_PATH, type DraftAccess, type ReadOnlyReason } from '../../shared/sync/protocol.ts'
import { createLinkForm } from './editor/link-form.ts'
import { editorTranslator } from './editor/messages.ts'
import { showPresence } from './editor/presence.ts'
import { CountingWebSocket, SaveState } from './editor/save-state.ts'
import { trackStatus } from './editor/status-line.ts'
import { deleteDatabase, offlineDraftName } from './offline-drafts.ts'
import { createToolbar } from './editor/toolbar.ts'
import { CommentHighlights, highlightsKey } from './comments/highlights.ts'
import { startComments, type TextHooks } from './comments/panel.ts'
import { DRAFT_FRAGMENT } from '../../shared/editor/draft-fragment.ts'
import './editor.css'

const COLOR = /^#[0-9a-f]{6}$/i
// server/sync/close-codes.ts: unauthenticated.
const CLOSE_SESSION_ENDED = 4401

/**
 * Caret of another person: a coloured bar with their name, hidden from screen readers (it is not
 * text). The colour is the one given to them among the people present (`colors`), so two people
 * never share one while there are enough colours.
 */
function renderCaret(user: Record<string, unknown>, colors: ReadonlyMap<string, string>): HTMLElement {
  const assigned = typeof user.id === 'string' ? colors.get(user.id) : undefined
  const color = assigned ?? (typeof user.color === 'string' && COLOR.test(user.color) ? user.color : '#4a4a4a')
  const caret = document.createElement('span')
  caret.className = 'collab-caret'
  caret.setAttribute('aria-hidden', 'true')
  caret.style.borderColor = color
  const label = document.createElement('span')
  label.className = 'collab-caret-label'
  label.style.backgroundColor = color
  label.textContent = typeof user.name === 'string' ? user.name : ''
  caret.append(label)
  return caret
}

/** The editor as the comment panel sees it: the selected passage, highlights, showing a passage. */
function textHooks(editor: Editor): TextHooks {
  return {
    selection() {
      const { from, to, empty } = editor.state.selection
      if (empty) return null
      const text = editor.state.doc.textBetween(from, to, '\n', ' ')
      return text.trim() ? { from, to, text } : null
    },
    onSelection: (listener) => void editor.on('selectionUpdate', listener),
    highlight: (list) => editor.view.dispatch(editor.state.tr.setMeta(highlightsKey, list).setMeta('addToHistory', false)),
    show: (from, to) => {
      const size = editor.state.doc.content.size
      if (to > size) return
      editor.chain().focus().setTextSelection({ from, to }).scrollIntoView().run()
    },
  }
}

function start(root: HTMLElement): void {
  const data = root.dataset
  const content = root.querySelector<HTMLElement>('[data-editor-content]')
  const statusLine = root.querySelector<HTMLElement>('[data-editor-status]')
  const presence = document.querySelector<HTMLElement>('[data-presence]')
  const presenceList = document.querySelector<HTMLElement>('[data-presence-list]')
  if (!data.positionId || !data.userId || !content || !statusLine) return
  const t = editorTranslator(data.locale)
  const user = { id: data.userId, name: data.userName ?? '', color: data.userColor ?? '#4a4a4a' }
  const textId = `${root.id}-text`

  const ydoc = new Y.Doc()
  // Edits made offline survive a reload: they wait in IndexedDB until the server has them.
  // Per person, so someone else signing in on this browser never sends them under their name.
  const member = data.member === 'true'
  const localName = offlineDraftName(user.id, data.positionId)
  const local = member ? new IndexeddbPersistence(localName, ydoc) : null
  // Logging out clears the site's storage (Clear-Site-Data), which aborts whatever the offline copy
  // still has open or pending; let go of it first, so the logout leaves no failed request behind.
  // (y-indexeddb's own clearData() does not hand back its deletion, so its failure could not be caught.)
  const letGoOfLocal = () => (local ? local.destroy().catch(() => undefined) : Promise.resolve())
  for (const form of document.querySelectorAll<HTMLFormElement>('form[action="/logout"]')) {
    form.addEventListener('submit', () => void letGoOfLocal())
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  // No BroadcastChannel: every change goes through the server, which decides who may write.
  const provider = new WebsocketProvider(`${scheme}://${location.host}${SYNC_PATH}`, data.positionId, ydoc, {
    disableBc: true,
    WebSocketPolyfill: CountingWebSocket,
  })
  const saves = new SaveState(provider, ydoc)

  // The page says how things stood when it was rendered; from then on the server's access
  // messages decide (a round opening locks the draft for everybody while the page is open).
  let access: DraftAccess = data.editable === 'true' ? 'read-write' : 'read-only'
  let reason: ReadOnlyReason | null = null
  let refused = false
  const mayWrite = () => access === 'read-write' && !refused

  let editor: Editor | null = null
  let toolbar: HTMLElement | null = null
  let linkForm: ReturnType<typeof createLinkForm> | null = null
  // For a member, read-only while drafting or in a round means: locked while a version is decided.
  const lockedForDecision = member && (data.status === 'drafting' || data.status === 'in_round')
  const refreshStatus = trackStatus(provider, statusLine, mayWrite, () => saves.saved(), lockedForDecision, () => reason, t)
  // Registered after the provider's own handler, which sends (and so counts) the update first.
  ydoc.on('update', refreshStatus)

  /** Makes editor, toolbar and status follow `mayWrite()`. */
  const applyAccess = () => {
    refreshStatus()
    if (!editor) return
    const writable = mayWrite()
    if (editor.isEditable !== writable) editor.setEditable(writable)
    editor.view.dom.setAttribute('aria-readonly', String(!writable))
    if (writable && !toolbar) {
      linkForm = createLinkForm(editor, t)
      toolbar = createToolbar(editor, t, textId, linkForm.open)
      content.before(toolbar, linkForm.element)
    }
    if (toolbar) toolbar.hidden = !writable
    if (linkForm && !writable) linkForm.element.hidden = true
  }

  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    const message = readAuthMessage(decoder)
    if (message?.type === 'saved') {
      saves.acknowledge(message)
      refreshStatus()
    } else if (message?.type === 'access') {
      const why = message.access === 'read-only' ? message.reason : null
      if (message.access === access && why === reason) return
      access = message.access
      reason = why
      applyAccess()
    }
  }
  provider.on('closed', (event: { code: number }) => {
    refused = true
    applyAccess()
    // The session ended (a logout in another tab, on another device, or a password change):
    // the offline copy goes with it, so the next person at this computer does not find it.
    if (event.code === CLOSE_SESSION_ENDED && local) void letGoOfLocal().then(() => deleteDatabase(localName))
  })

  // Colours of the people present, recomputed whenever someone comes or goes; registered before
  // the editor exists, so carets are drawn with the new colours.
  let colors: ReadonlyMap<string, string> = new Map()
  const recolor = () => {
    const ids = [user.id]
    for (const state of provider.awareness.getStates().values()) {
      const id = (state.user as { id?: unknown } | undefined)?.id
      if (typeof id === 'string') ids.push(id)
    }
    colors = distinctColors(ids)
  }
  provider.awareness.on('change', recolor)
  recolor()

  let settlePresence = () => {}
  if (presence && presenceList) {
    settlePresence = showPresence(provider.awareness, presenceList, user, t, () => colors, document.querySelector<HTMLElement>('[data-presence-announce]')).settle
    presence.hidden = false
  }

  const commentsRoot = document.getElementById('comments')
  const comments = commentsRoot ? startComments(commentsRoot) : null

  // The server-rendered text stays until the real document is here, so nothing flashes empty;
  // then ProseMirror takes over that very element.
  const mount = () => {
    if (editor) return
    const LinkShortcut = Extension.create({
      name: 'linkShortcut',
      addKeyboardShortcuts: () => ({ 'Mod-k': () => (linkForm?.open(), true) }),
    })
    editor = new Editor({
      element: { mount: content },
      editable: mayWrite(),
      injectCSS: false,
      extensions: [
        ...editorExtensions,
        LinkShortcut,
        CommentHighlights,
        Collaboration.configure({ document: ydoc, field: DRAFT_FRAGMENT }),
        CollaborationCaret.configure({ provider, user, render: (u) => renderCaret(u, colors) }),
        // An empty draft says what to do with it (writers) or that there is no text yet (readers).
        Placeholder.configure({
          showOnlyWhenEditable: false,
          placeholder: ({ editor: e }) => t(e.isEditable ? 'editor.placeholder' : 'editor.placeholder_readonly'),
        }),
      ],
      // role repeated here: TipTap adds it only at creation and loses it on setEditable().
      editorProps: { attributes: { id: textId, lang: content.lang || 'de', role: 'textbox', 'aria-label': t('editor.text_label'), 'aria-multiline': 'true' } },
    })
    applyAccess()
    if (comments) comments.attach(textHooks(editor))
  }

  const hasContent = () => ydoc.getXmlFragment(DRAFT_FRAGMENT).length > 0
  provider.on('sync', (synced: boolean) => {
    if (!synced) return
    settlePresence()
    mount()
  })
  local?.on('synced', () => hasContent() && mount())
  if (provider.synced) {
    settlePresence()
    mount()
  }
}

const root = document.getElementById('editor')
if (root) start(root)
