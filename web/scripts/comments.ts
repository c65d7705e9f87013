import { startComments } from './comments/panel.ts'

// Pages with a frozen text (no editor): the comment threads on that version, kept live.
const root = document.getElementById('comments')
if (root && !document.getElementById('editor')) startComments(root)
