import { Editor, Extension, type JSONContent } from '@tiptap/core'
// Part of TipTap 3 (a dependency of @tiptap/starter-kit, same version); no package of its own here.
import { UndoRedo } from '@tiptap/extensions'
import { editorExtensions } from '../../../shared/editor/extensions.ts'
import { createLinkForm } from './link-form.ts'
import { editorTranslator } from './messages.ts'
import { createToolbar } from './toolbar.ts'

// A form's text area given way to the editor of a position's text (the same schema, the same
// toolbar), written by one person: no co-editing, so TipTap's own undo. Without JavaScript the
// form keeps its plain text area; with it, the text area leaves the form (hidden, disabled) and
// the form posts the editor's document, as `serialize` writes it, in `content`.

/**
 * Puts the editor in place of the text area inside `root` (with its label and hint); the hint
 * becomes `root.dataset.editorHint` when given. Null when `root` is not a labelled text area in a form.
 */
export function formEditor(root: HTMLElement, options: { content: JSONContent; serialize: (editor: Editor) => string }): Editor | null {
  const form = root.closest('form')
  const textarea = root.querySelector('textarea')
  const label = root.querySelector('label')
  if (!form || !textarea || !label) return null
  const t = editorTranslator(document.documentElement.lang)
  const textId = textarea.id

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
    content: options.content,
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

  // The label points at the editor, which a <label for> cannot: a click on it focuses the editor.
  label.removeAttribute('for')
  label.addEventListener('click', () => editor.commands.focus())
  const hint = root.querySelector<HTMLElement>('.hint')
  if (hint && root.dataset.editorHint) hint.textContent = root.dataset.editorHint

  textarea.hidden = true
  textarea.disabled = true
  textarea.after(toolbar, linkForm.element, content, posted)
  form.addEventListener('submit', (event) => {
    if (event.target !== form) return
    posted.value = options.serialize(editor)
  })
  return editor
}
