import type { TextHooks } from './panel.ts'

const POINTING = new Set(['objection', 'concern'])

/**
 * The ballot form's passage: with an objection or a concern the voter takes over the passage
 * they selected in the frozen text; its positions go with the ballot, and the server attaches
 * the reason there as a comment thread. Other answers send no passage.
 */
export function startBallotPassage(box: HTMLElement, hooks: TextHooks): void {
  const form = box.closest('form')
  if (!form) return
  const quote = box.querySelector<HTMLElement>('[data-passage-quote]')!
  const from = box.querySelector<HTMLInputElement>('[data-passage-from]')!
  const to = box.querySelector<HTMLInputElement>('[data-passage-to]')!
  const text = box.querySelector<HTMLInputElement>('[data-passage-text]')!
  let last: { from: number; to: number; text: string } | null = null
  hooks.onSelection(() => {
    const now = hooks.selection()
    if (now) last = now
  })

  const show = (chosen: { from: number; to: number; text: string } | null) => {
    from.value = chosen ? String(chosen.from) : ''
    to.value = chosen ? String(chosen.to) : ''
    text.value = chosen?.text ?? ''
    quote.textContent = chosen ? `„${chosen.text}“` : (quote.dataset.none ?? '')
    quote.lang = chosen ? 'de' : ''
    quote.dataset.empty = chosen ? 'false' : 'true'
  }

  const follow = () => {
    const choice = form.querySelector<HTMLInputElement>('input[name="choice"]:checked')?.value ?? ''
    const pointing = POINTING.has(choice)
    box.hidden = !pointing
    for (const input of [from, to, text]) input.disabled = !pointing
  }
  form.addEventListener('change', follow)
  follow()

  box.querySelector('[data-passage-take]')!.addEventListener('click', () => {
    const chosen = hooks.selection() ?? last
    if (chosen) show(chosen)
    else {
      quote.textContent = quote.dataset.selectFirst ?? ''
      quote.dataset.empty = 'true'
    }
  })
  box.querySelector('[data-passage-clear]')!.addEventListener('click', () => {
    last = null
    show(null)
  })
}
