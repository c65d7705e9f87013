import { Editor, Extension, type JSONContent } from '@tiptap/core'
// Part of TipTap 3 (a dependency of @tiptap/starter-kit, same version); no package of its own here.
import { UndoRedo } from '@tiptap/extensions'
import { editorExtensions } from '../../shared/editor/extensions.ts'
import { translationLanguage } from '../../shared/translations/languages.ts'
import { createLinkForm } from './editor/link-form.ts'
import { editorTranslator } from './editor/messages.ts'
import { createToolbar } from './editor/toolbar.ts'
import { plainTextDoc } from '../../shared/editor/plain-text-doc.ts'

// The text of a translation, written in the same editor as a position (the same schema, the same
// toolbar), but by one person at a time: no co-editing, so TipTap's own undo. Without JavaScript
// the form keeps its plain text area (a blank line starts a paragraph); with it, the text area
// gives way to the editor and the form posts the document as ProseMirror JSON in `content`.

function initialContent(root: HTMLElement, textarea: HTMLTextAreaElement): JSONContent {
  if (root.dataset.content) {
    try {
      return JSON.parse(root.dataset.content) as JSONContent
    } catch {
      // A refused post with broken JSON: fall back to what the text area holds.
    }
  }
  return plainTextDoc(textarea.value) as JSONContent
}

function start(root: HTMLElement): void {
  const form = root.closest('form')
  const textarea = root.querySelector('textarea')
  const label = root.querySelector('label')
  if (!form || !textarea || !label) return
  const t = editorTranslator(document.documentElement.lang)
  const textId = textarea.id
  const languageSelect = form.querySelector<HTMLSelectElement>('select[name="language"]')

  const content = document.createElement('div')
  content.className = 'editor-content prose'
  const posted = document.createElement('input')
  posted.type = 'hidden'
  posted.name = 'content'

  const LinkShortcut = Extension.create({
    name: 'linkShortcut',
    addKeyboardShortcuts: () => ({ 'Mod-k': () => (linkForm.open(), true) }),
  })
  // The text area's id moves to the editor, so the label's and the error summary's links lead there.
  textarea.removeAttribute('id')
  const editor = new Editor({
    element: { mount: content },
    injectCSS: false,
    extensions: [...editorExtensions, UndoRedo, LinkShortcut],
    content: initialContent(root, textarea),
    editorProps: {
      attributes: {
        id: textId,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label.textContent?.trim() ?? '',
        ...(textarea.getAttribute('aria-describedby') ? { 'aria-describedby': textarea.getAttribute('aria-describedby')! } : {}),
        ...(textarea.getAttribute('aria-invalid') ? { 'aria-invalid': textarea.getAttribute('aria-invalid')! } : {}),
      },
    },
  })
  const linkForm = createLinkForm(editor, t)
  const toolbar = createToolbar(editor, t, textId, linkForm.open)

  /** The text is in the translation's language and direction: the page says which, or the language chosen. */
  const setLanguage = () => {
    const code = languageSelect?.value || root.dataset.language || ''
    const language = translationLanguage(code)
    const dom = editor.view.dom
    if (language) {
      dom.setAttribute('lang', language.code)
      dom.setAttribute('dir', language.dir)
    } else {
      dom.removeAttribute('lang')
      dom.setAttribute('dir', 'auto')
    }
  }
  setLanguage()
  languageSelect?.addEventListener('change', setLanguage)

  // The label points at the editor, which a <label for> cannot: a click on it focuses the editor.
  label.removeAttribute('for')
  label.addEventListener('click', () => editor.commands.focus())
  const hint = root.querySelector<HTMLElement>('.hint')
  if (hint && root.dataset.editorHint) hint.textContent = root.dataset.editorHint

  // The text area stays in the page but leaves the form: hidden, disabled (not posted, not required).
  textarea.hidden = true
  textarea.disabled = true
  textarea.after(toolbar, linkForm.element, content, posted)
  form.addEventListener('submit', (event) => {
    if (event.target !== form) return
    posted.value = JSON.stringify(editor.getJSON())
  })
}

for (const root of document.querySelectorAll<HTMLElement>('[data-translation-text]')) start(root)
