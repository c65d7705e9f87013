import { startBallotPassage } from './comments/ballot-passage.ts'
import { keyboardSelectable } from './comments/frozen-keyboard.ts'
import { frozenTextHooks } from './comments/frozen-text.ts'
import { commentsTranslator } from './comments/messages.ts'
import { startComments } from './comments/panel.ts'

// Pages with a frozen text (no editor): the comment threads on that version, kept live; a
// passage selected in the text (with the mouse or the keyboard) can be commented on, or pointed
// at by an objection or concern in the ballot form.
const root = document.getElementById('comments')
const text = document.querySelector<HTMLElement>('[data-comment-text]')
if (root && !document.getElementById('editor')) {
  const panel = startComments(root)
  if (text) {
    const field = root.querySelector<HTMLTextAreaElement>('#comment-new-body')
    keyboardSelectable(text, commentsTranslator(root.dataset.locale), field ? () => field.focus() : null)
    panel.attach(frozenTextHooks(text))
  }
}
const passage = document.querySelector<HTMLElement>('[data-ballot-passage]')
if (passage && text) startBallotPassage(passage, frozenTextHooks(text))
