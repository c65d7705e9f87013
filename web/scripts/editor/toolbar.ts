import type { Editor } from '@tiptap/core'
import type { EditorMessageKey, EditorTranslate } from './messages.ts'

interface Tool {
  name: string
  label: EditorMessageKey
  /** For aria-keyshortcuts, with "Mod" standing for Control or Meta. */
  keys?: string
  run: (editor: Editor) => void
  /** Tools that toggle a format report whether it is on (aria-pressed). */
  active?: (editor: Editor) => boolean
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/**
 * The formatting toolbar (WAI-ARIA toolbar pattern): one tab stop, arrow keys move between the
 * buttons, each button names its shortcut and says whether its format is on at the cursor.
 */
export function createToolbar(editor: Editor, t: EditorTranslate, editorId: string, openLinkForm: () => void): HTMLElement {
  const tools: Tool[] = [
    {
      name: 'heading',
      label: 'editor.heading',
      keys: 'Mod+Alt+2',
      run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
      active: (e) => e.isActive('heading'),
    },
    { name: 'bold', label: 'editor.bold', keys: 'Mod+B', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
    { name: 'italic', label: 'editor.italic', keys: 'Mod+I', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
    {
      name: 'bullet-list',
      label: 'editor.bullet_list',
      keys: 'Mod+Shift+8',
      run: (e) => e.chain().focus().toggleBulletList().run(),
      active: (e) => e.isActive('bulletList'),
    },
    {
      name: 'ordered-list',
      label: 'editor.ordered_list',
      keys: 'Mod+Shift+7',
      run: (e) => e.chain().focus().toggleOrderedList().run(),
      active: (e) => e.isActive('orderedList'),
    },
    {
      name: 'blockquote',
      label: 'editor.blockquote',
      keys: 'Mod+Shift+B',
      run: (e) => e.chain().focus().toggleBlockquote().run(),
      active: (e) => e.isActive('blockquote'),
    },
    { name: 'rule', label: 'editor.horizontal_rule', run: (e) => e.chain().focus().setHorizontalRule().run() },
    { name: 'link', label: 'editor.link', keys: 'Mod+K', run: () => openLinkForm(), active: (e) => e.isActive('link') },
  ]

  const bar = document.createElement('div')
  bar.className = 'editor-toolbar'
  bar.setAttribute('role', 'toolbar')
  bar.setAttribute('aria-label', t('editor.toolbar'))
  bar.setAttribute('aria-controls', editorId)

  const buttons = tools.map((tool, index) => {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = `tool tool-${tool.name}`
    button.textContent = t(tool.label)
    button.setAttribute('aria-label', t(tool.label))
    button.tabIndex = index === 0 ? 0 : -1
    if (tool.keys) {
      const keys = tool.keys.replace('Mod', isMac ? 'Meta' : 'Control')
      button.setAttribute('aria-keyshortcuts', keys)
      button.title = `${t(tool.label)} (${keys.replace('Meta', '⌘').replace('Control', t('editor.key.mod'))})`
    }
    if (tool.active) button.setAttribute('aria-pressed', 'false')
    // Keep the editor's selection: a mousedown on a button would otherwise move focus first.
    button.addEventListener('mousedown', (event) => event.preventDefault())
    button.addEventListener('click', () => {
      focusButton(index)
      tool.run(editor)
    })
    bar.append(button)
    return button
  })

  function focusButton(index: number, move = false) {
    buttons.forEach((b, i) => (b.tabIndex = i === index ? 0 : -1))
    if (move) buttons[index]?.focus()
  }

  bar.addEventListener('keydown', (event) => {
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement)
    if (current < 0) return
    const last = buttons.length - 1
    const next =
      event.key === 'ArrowRight' ? (current === last ? 0 : current + 1)
      : event.key === 'ArrowLeft' ? (current === 0 ? last : current - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null
    if (next === null) return
    event.preventDefault()
    focusButton(next, true)
  })

  const refresh = () => {
    tools.forEach((tool, i) => {
      if (tool.active) buttons[i]!.setAttribute('aria-pressed', String(tool.active(editor)))
    })
  }
  editor.on('transaction', refresh)
  editor.on('selectionUpdate', refresh)
  refresh()
  return bar
}
