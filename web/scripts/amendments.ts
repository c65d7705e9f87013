import { startPassageSelection } from './amendments/select-passage.ts'

// The amendments page: the passage of an amendment selected in the version's text, the
// replacement written in the editor (the form works without this, by quoting the passage).
const text = document.querySelector<HTMLElement>('[data-amend-text]')
const box = document.querySelector<HTMLElement>('[data-amend-form]')
if (text && box) startPassageSelection(text, box)
