import type { CommentsTranslate } from './messages.ts'

const KEYS: Record<string, { direction: 'forward' | 'backward'; granularity: 'character' | 'line' | 'lineboundary' }> = {
  ArrowRight: { direction: 'forward', granularity: 'character' },
  ArrowLeft: { direction: 'backward', granularity: 'character' },
  ArrowDown: { direction: 'forward', granularity: 'line' },
  ArrowUp: { direction: 'backward', granularity: 'line' },
  End: { direction: 'forward', granularity: 'lineboundary' },
  Home: { direction: 'backward', granularity: 'lineboundary' },
}

type ModifiableSelection = Selection & { modify(alter: 'move' | 'extend', direction: string, granularity: string): void }

/** What a selectable text says about itself, and the button that acts on its selection. */
export interface SelectableWords {
  /** The text's accessible name (a read-only text box). */
  label: string
  /** The hint after the text: how to select with the keyboard, and what the selection is for. */
  hint: string
  button?: { text: string; onClick: () => void } | null
}

/**
 * Makes a frozen text selectable without a mouse: it takes the focus (a read-only text box),
 * the arrow keys move a caret in it and Shift with them selects; Ctrl moves by word. The
 * selection is the browser's own, so the comment form and the ballot's passage see it as they
 * see one made with the mouse. `commentButton` (when the reader may comment) leads to the form.
 */
export function keyboardSelectable(root: HTMLElement, t: CommentsTranslate, commentButton: (() => void) | null): void {
  selectableText(root, {
    label: t('comments.frozen_label'),
    hint: `${t('comments.frozen_keys')} ${t('comments.highlight_hint')}`,
    button: commentButton ? { text: t('comments.comment_selection'), onClick: commentButton } : null,
  })
}

/** The same for any frozen text (the amendments page's too): its words and its button given. Returns the hint and the button. */
export function selectableText(root: HTMLElement, words: SelectableWords): { hint: HTMLElement; button: HTMLButtonElement | null } {
  root.tabIndex = 0
  root.setAttribute('role', 'textbox')
  root.setAttribute('aria-readonly', 'true')
  root.setAttribute('aria-multiline', 'true')
  root.setAttribute('aria-label', words.label)
  const hint = document.createElement('p')
  hint.className = 'hint frozen-keys'
  hint.id = 'frozen-keys-hint'
  hint.textContent = words.hint
  root.setAttribute('aria-describedby', hint.id)
  root.after(hint)
  let button: HTMLButtonElement | null = null
  if (words.button) {
    button = document.createElement('button')
    button.type = 'button'
    button.className = 'secondary'
    button.textContent = words.button.text
    button.addEventListener('click', words.button.onClick)
    hint.after(button)
  }

  root.addEventListener('focus', () => {
    const selection = getSelection()
    if (!selection || (selection.rangeCount > 0 && root.contains(selection.anchorNode))) return
    // A caret at the start of the text, where the arrow keys begin.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, { acceptNode: (n) => ((n as Text).data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) })
    const first = walker.nextNode()
    if (first) selection.collapse(first, 0)
  })
  root.addEventListener('keydown', (event) => {
    const key = KEYS[event.key]
    if (!key || event.altKey || event.metaKey) return
    const selection = getSelection() as ModifiableSelection | null
    if (!selection || typeof selection.modify !== 'function') return
    event.preventDefault()
    const granularity = event.ctrlKey && key.granularity === 'character' ? 'word' : key.granularity
    selection.modify(event.shiftKey ? 'extend' : 'move', key.direction, granularity)
  })
  return { hint, button }
}
