import { Editor, Extension } from '@tiptap/core'
import { Collaboration } from '@tiptap/extension-collaboration'
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { editorExtensions } from '../../shared/editor/extensions.ts'
import { createLinkForm } from './editor/link-form.ts'
import { editorTranslator } from './editor/messages.ts'
import { showPresence } from './editor/presence.ts'
import { trackStatus } from './editor/status-line.ts'
import { createToolbar } from './editor/toolbar.ts'
import './editor.css'

// Must match server/sync/load-doc.ts DRAFT_FRAGMENT: the Y.XmlFragment that holds the draft.
const DRAFT_FRAGMENT = 'content'
const COLOR = /^#[0-9a-f]{6}$/i

/** Caret of another person: a coloured bar with their name, hidden from screen readers (it is not text). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' && COLOR.test(user.color) ? user.color : '#4a4a4a'
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

function start(root: HTMLElement): void {
  const data = root.dataset
  const content = root.querySelector<HTMLElement>('[data-editor-content]')
  const statusLine = root.querySelector<HTMLElement>('[data-editor-status]')
  const presence = document.querySelector<HTMLElement>('[data-presence]')
  const presenceList = document.querySelector<HTMLElement>('[data-presence-list]')
  if (!data.positionId || !data.userId || !content || !statusLine) return
  const t = editorTranslator(data.locale)
  const mayEdit = data.editable === 'true'
  const user = { id: data.userId, name: data.userName ?? '', color: data.userColor ?? '#4a4a4a' }

  const ydoc = new Y.Doc()
  // Edits made offline survive a reload: they wait in IndexedDB until the server has them.
  // Per person, so someone else signing in on this browser never sends them under their name.
  const local = mayEdit ? new IndexeddbPersistence(`sprachrohr:${user.id}:${data.positionId}`, ydoc) : null
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  // No BroadcastChannel: every change goes through the server, which decides who may write.
  const provider = new WebsocketProvider(`${scheme}://${location.host}/sync`, data.positionId, ydoc, { disableBc: true })

  let editor: Editor | null = null
  let lockedByServer = false
  const refreshStatus = trackStatus(provider, statusLine, () => mayEdit && !lockedByServer, t)
  provider.on('closed', () => {
    lockedByServer = true
    editor?.setEditable(false)
    refreshStatus()
  })

  if (presence && presenceList) {
    showPresence(provider.awareness, presenceList, user, t)
    presence.hidden = false
  }

  // The server-rendered text stays until the real document is here, so nothing flashes empty.
  const mount = () => {
    if (editor) return
    let openLink = () => {}
    const LinkShortcut = Extension.create({
      name: 'linkShortcut',
      addKeyboardShortcuts: () => ({ 'Mod-k': () => (openLink(), true) }),
    })
    editor = new Editor({
      element: { mount: content },
      editable: mayEdit && !lockedByServer,
      injectCSS: false,
      extensions: [
        ...editorExtensions,
        LinkShortcut,
        Collaboration.configure({ document: ydoc, field: DRAFT_FRAGMENT }),
        CollaborationCaret.configure({ provider, user, render: renderCaret }),
      ],
      editorProps: {
        attributes: {
          id: `${root.id}-text`,
          'aria-label': t('editor.text_label'),
          'aria-multiline': 'true',
          'aria-readonly': String(!(mayEdit && !lockedByServer)),
        },
      },
    })
    editor.on('update', refreshStatus)
    if (mayEdit) {
      const linkForm = createLinkForm(editor, t)
      openLink = linkForm.open
      const toolbar = createToolbar(editor, t, `${root.id}-text`, linkForm.open)
      content.before(toolbar, linkForm.element)
      provider.on('closed', () => {
        toolbar.hidden = true
        linkForm.element.hidden = true
        editor?.view.dom.setAttribute('aria-readonly', 'true')
      })
    }
    refreshStatus()
  }

  const hasContent = () => ydoc.getXmlFragment(DRAFT_FRAGMENT).length > 0
  provider.on('sync', (synced: boolean) => synced && mount())
  local?.on('synced', () => hasContent() && mount())
  if (provider.synced) mount()
}

const root = document.getElementById('editor')
if (root) start(root)
