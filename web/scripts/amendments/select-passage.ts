import type { Editor, JSONContent } from '@tiptap/core'
import { DOMSerializer, Fragment, type Node as PmNode } from '@tiptap/pm/model'
import { blockAt, passageBlocks, snapPassage, type PassageRange } from '../../../shared/amendments/passage.ts'
import { editorSchema } from '../../../shared/editor/extensions.ts'
import { plainTextDoc } from '../../../shared/editor/plain-text-doc.ts'
import { selectableText } from '../comments/frozen-keyboard.ts'
import { frozenTextHooks, proseMirrorPosition } from '../comments/frozen-text.ts'
import { formEditor } from '../editor/form-editor.ts'

const fill = (template: string, quote: string) => template.replace('{quote}', quote)
const shorten = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text)

/** An editor that holds only empty paragraphs proposes to delete the passage. */
function isEmpty(editor: Editor): boolean {
  let empty = true
  editor.state.doc.forEach((node) => {
    if (!node.isTextblock || node.textContent.trim() !== '') empty = false
  })
  return empty
}

function replacementStart(root: HTMLElement): JSONContent {
  try {
    if (root.dataset.content) return { type: 'doc', content: JSON.parse(root.dataset.content) as JSONContent[] }
  } catch {
    // A refused post with broken JSON: what the text area holds instead.
  }
  return plainTextDoc(root.querySelector('textarea')?.value ?? '') as JSONContent
}

/**
 * The amendments page with JavaScript: the version's text becomes selectable (mouse, touch, and
 * the keyboard of the comments' frozen text); "Änderung vorschlagen" takes the selected passage
 * (or, with none, the paragraph last tapped or where the caret is) into the form as positions in
 * the version, shows it, and fills the replacement editor with it, so the amendment is written
 * as an edit of the passage. What was typed in the editor is never overwritten.
 */
export function startPassageSelection(text: HTMLElement, box: HTMLElement): void {
  const words = text.dataset
  let doc: PmNode
  try {
    doc = editorSchema().nodeFromJSON(JSON.parse(words.doc ?? ''))
  } catch {
    return
  }
  const version = words.version ?? ''
  const hooks = frozenTextHooks(text)
  const select = box.querySelector<HTMLSelectElement>('select[name="versionNumber"]')
  const passageBox = box.querySelector<HTMLElement>('[data-amend-passage]')!
  const quoteShown = passageBox.querySelector<HTMLElement>('[data-passage-quote]')!
  const fromInput = passageBox.querySelector<HTMLInputElement>('[data-passage-from]')!
  const toInput = passageBox.querySelector<HTMLInputElement>('[data-passage-to]')!
  const quoteBox = box.querySelector<HTMLElement>('[data-amend-quote]')!
  const quoteInput = quoteBox.querySelector('input')!
  const replacementRoot = box.querySelector<HTMLElement>('[data-amend-replacement]')!

  const editor = formEditor(replacementRoot, { content: replacementStart(replacementRoot), serialize: (e) => JSON.stringify(isEmpty(e) ? [] : (e.getJSON().content ?? [])) })
  if (!editor) return
  // Said when the replacement is empty: the amendment then deletes the passage.
  const deleting = document.createElement('p')
  deleting.className = 'amend-deleting'
  deleting.setAttribute('role', 'status')
  replacementRoot.append(deleting)
  // Once there is a passage to delete (taken from the text, or quoted).
  const showDeleting = () => {
    const passage = !passageBox.hidden || quoteInput.value.trim() !== ''
    deleting.textContent = passage && isEmpty(editor) ? (replacementRoot.dataset.willDelete ?? '') : ''
  }
  quoteInput.addEventListener('input', showDeleting)
  editor.on('update', showDeleting)
  showDeleting()
  let prefilled: string | null = null

  document.querySelector<HTMLElement>('[data-amend-no-js]')?.setAttribute('hidden', '')
  const { hint, button } = selectableText(text, {
    label: words.label ?? '',
    hint: `${words.hint ?? ''} ${words.keys ?? ''}`,
    button: { text: words.button ?? '', onClick: () => take() },
  })
  // The button stays in reach while the text scrolls by (a sticky bar), with what is selected.
  const bar = document.createElement('div')
  bar.className = 'amend-select-bar'
  const selected = document.createElement('p')
  selected.className = 'amend-selected'
  const status = document.createElement('p')
  status.className = 'visually-hidden'
  status.setAttribute('role', 'status')
  hint.after(bar)
  bar.append(button!, selected, status)

  // The last passage selected in the text, or the caret (a tap without selecting): a tap on the
  // button may clear the selection on a phone, so what it takes is remembered.
  let last: PassageRange | null = null
  let caret: number | null = null
  hooks.onSelection(() => {
    const now = hooks.selection()
    if (now) {
      last = now
      caret = null
      selected.textContent = fill(words.selected ?? '', shorten(now.text))
      return
    }
    const selection = getSelection()
    if (selection && selection.rangeCount > 0 && selection.isCollapsed && text.contains(selection.anchorNode)) {
      caret = proseMirrorPosition(text, selection.anchorNode!, selection.anchorOffset)
      last = null
      selected.textContent = ''
    }
  })

  const announce = (message: string) => {
    status.textContent = ''
    // A fresh text node, so that a screen reader announces the same message twice.
    requestAnimationFrame(() => (status.textContent = message))
  }

  const show = (range: PassageRange, restoring: boolean) => {
    const blocks = passageBlocks(doc, range.from, range.to)
    quoteShown.replaceChildren(DOMSerializer.fromSchema(editorSchema()).serializeFragment(Fragment.fromJSON(editorSchema(), blocks)))
    fromInput.value = String(range.from)
    toInput.value = String(range.to)
    fromInput.disabled = toInput.disabled = false
    passageBox.hidden = false
    quoteBox.hidden = true
    quoteInput.disabled = true
    if (select) select.value = version
    const editorHint = replacementRoot.querySelector<HTMLElement>('.hint')
    if (editorHint && replacementRoot.dataset.editorHintTaken) editorHint.textContent = replacementRoot.dataset.editorHintTaken
    showDeleting()
    if (restoring) return
    // The editor starts with the passage, unless something was written there that is not a passage taken before.
    const current = JSON.stringify(editor.getJSON())
    if (isEmpty(editor) || current === prefilled) {
      editor.commands.setContent({ type: 'doc', content: blocks as JSONContent[] })
      prefilled = JSON.stringify(editor.getJSON())
      showDeleting()
    }
    editor.commands.focus('end')
    announce(fill(box.dataset.taken ?? '', shorten(doc.textBetween(range.from, range.to, ' ', ' '))))
  }

  const take = () => {
    const chosen = hooks.selection() ?? last
    const range = chosen ? snapPassage(doc, chosen.from, chosen.to) : caret !== null ? blockAt(doc, caret) : null
    if (range) show(range, false)
    else announce(words.selectFirst ?? '')
  }

  const clear = () => {
    fromInput.value = toInput.value = ''
    fromInput.disabled = toInput.disabled = true
    passageBox.hidden = true
    quoteBox.hidden = false
    quoteInput.disabled = false
    const editorHint = replacementRoot.querySelector<HTMLElement>('.hint')
    if (editorHint && replacementRoot.dataset.editorHint) editorHint.textContent = replacementRoot.dataset.editorHint
    showDeleting()
  }
  passageBox.querySelector('[data-passage-change]')!.addEventListener('click', () => {
    clear()
    text.focus()
    announce(box.dataset.cleared ?? '')
  })
  // Positions belong to one version: another version chosen drops the passage.
  select?.addEventListener('change', () => {
    if (select.value !== version && !passageBox.hidden) clear()
  })

  // A refused post comes back with its passage: taken up again, the editor keeps what was posted.
  const from = Number(box.dataset.from)
  const to = Number(box.dataset.to)
  if (box.dataset.from && box.dataset.to) {
    const range = snapPassage(doc, from, to)
    if (range) show(range, true)
  }
}
