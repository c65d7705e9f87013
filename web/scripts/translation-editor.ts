import type { JSONContent } from '@tiptap/core'
import { plainTextDoc } from '../../shared/editor/plain-text-doc.ts'
import { translationLanguage } from '../../shared/translations/languages.ts'
import { formEditor } from './editor/form-editor.ts'

// The text of a translation, written in the same editor as a position (editor/form-editor.ts).
// Without JavaScript the form keeps its plain text area (a blank line starts a paragraph); with
// it, the form posts the document as ProseMirror JSON in `content`.

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
  const textarea = root.querySelector('textarea')
  if (!textarea) return
  const editor = formEditor(root, { content: initialContent(root, textarea), serialize: (e) => JSON.stringify(e.getJSON()) })
  if (!editor) return
  const languageSelect = root.closest('form')?.querySelector<HTMLSelectElement>('select[name="language"]')

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
}

for (const root of document.querySelectorAll<HTMLElement>('[data-translation-text]')) start(root)
