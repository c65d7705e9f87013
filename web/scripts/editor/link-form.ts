import type { Editor } from '@tiptap/core'
import { normalizeTypedHref } from '../../../shared/editor/link-policy.ts'
import type { EditorTranslate } from './messages.ts'

let formCount = 0

/**
 * A small inline form for adding, changing or removing a link (instead of window.prompt, which
 * screen readers and phones handle badly). Escape or "Abbrechen" return to the text.
 */
export function createLinkForm(editor: Editor, t: EditorTranslate): { element: HTMLFormElement; open: () => void } {
  const id = `link-form-${++formCount}`
  const form = document.createElement('form')
  form.className = 'link-form'
  form.hidden = true
  form.noValidate = true

  const label = document.createElement('label')
  label.htmlFor = `${id}-href`
  label.textContent = t('editor.link.label')
  const hint = document.createElement('p')
  hint.className = 'hint'
  hint.id = `${id}-hint`
  hint.textContent = t('editor.link.hint')
  const input = document.createElement('input')
  input.type = 'text'
  input.id = `${id}-href`
  input.inputMode = 'url'
  input.setAttribute('autocomplete', 'url')
  input.spellcheck = false
  input.maxLength = 2048
  input.setAttribute('aria-describedby', `${id}-hint`)
  const error = document.createElement('p')
  error.className = 'field-error'
  error.id = `${id}-error`
  error.hidden = true

  const button = (text: string, type: 'submit' | 'button', className = '') => {
    const b = document.createElement('button')
    b.type = type
    b.textContent = text
    if (className) b.className = className
    return b
  }
  const apply = button(t('editor.link.apply'), 'submit')
  const remove = button(t('editor.link.remove'), 'button', 'secondary')
  const cancel = button(t('editor.link.cancel'), 'button', 'secondary')
  const actions = document.createElement('div')
  actions.className = 'button-row'
  actions.append(apply, remove, cancel)
  form.append(label, hint, input, error, actions)

  const close = () => {
    form.hidden = true
    error.hidden = true
    input.removeAttribute('aria-invalid')
    editor.commands.focus()
  }

  const open = () => {
    if (!editor.isEditable) return
    input.value = editor.isActive('link') ? String(editor.getAttributes('link').href ?? '') : ''
    remove.hidden = !editor.isActive('link')
    form.hidden = false
    input.focus()
    input.select()
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const href = normalizeTypedHref(input.value)
    if (!href) {
      error.textContent = t('editor.link.invalid')
      error.hidden = false
      error.setAttribute('role', 'alert')
      input.setAttribute('aria-invalid', 'true')
      input.setAttribute('aria-describedby', `${id}-hint ${id}-error`)
      input.focus()
      return
    }
    const { empty } = editor.state.selection
    if (empty && !editor.isActive('link')) {
      // No words selected: the address itself becomes the linked text.
      editor.chain().focus().insertContent({ type: 'text', text: href.replace(/^mailto:/, ''), marks: [{ type: 'link', attrs: { href } }] }).run()
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
    }
    close()
  })
  remove.addEventListener('click', () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    close()
  })
  cancel.addEventListener('click', close)
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      close()
    }
  })
  return { element: form, open }
}
