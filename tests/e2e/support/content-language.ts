import type { Page } from 'playwright-core'

/** Content whose language is known, and the language (and for Arabic the direction) it must be read in. */
export interface KnownContent {
  lang: string
  dir?: 'rtl' | 'ltr'
  /** Strings that occur only in content of that language (titles, texts, names of groups, comments). */
  texts: string[]
}

/**
 * WCAG 3.1.2 (language of parts): every visible or hidden piece of text on the page that contains
 * one of the known strings must sit inside an element whose nearest `lang` is the content's
 * language (and whose nearest `dir` is its direction, where given). Form fields holding such
 * text count too (their value is read out). Returns one line per text read in the wrong language.
 */
export async function contentInWrongLanguage(page: Page, known: KnownContent[]): Promise<string[]> {
  return page.evaluate((known) => {
    const found: string[] = []
    const check = (el: Element, text: string, where: string) => {
      for (const k of known) {
        const hit = k.texts.find((t) => text.includes(t))
        if (!hit) continue
        const lang = el.closest('[lang]')?.getAttribute('lang') ?? ''
        const dir = el.closest('[dir]')?.getAttribute('dir') ?? 'ltr'
        const describe = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`
        if (lang.split('-')[0] !== k.lang) found.push(`${where} "${hit.slice(0, 40)}" in ${describe} is read as "${lang}", not "${k.lang}"`)
        else if (k.dir && dir !== k.dir) found.push(`${where} "${hit.slice(0, 40)}" in ${describe} runs ${dir}, not ${k.dir}`)
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest('script, style, template, noscript')) continue
      // A block of code to copy (the embed snippet) is not read as prose.
      if (parent.closest('pre, code, textarea[readonly]')) continue
      check(parent, node.textContent ?? '', 'text')
    }
    for (const field of Array.from(document.querySelectorAll('input, textarea'))) {
      const value = (field as HTMLInputElement).value
      if (value && !(field as HTMLTextAreaElement).readOnly) check(field, value, 'field value')
    }
    return found
  }, known)
}

/**
 * Times of day shown without their time zone ("18:54" instead of "18:54 MEZ"): a deadline read
 * abroad or on a phone set to another zone is misread. Code (checksums, raw records) is left out.
 */
export async function timesWithoutZone(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const time = /(?<![\d:])\d{1,2}:\d{2}(?![\d:])(?!\s*(?:Uhr\s*)?(?:MEZ|MESZ|CET|CEST|UTC|GMT))/
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest('script, style, template, code, pre, textarea, .ProseMirror, .prose')) continue
      // The zone may follow in the next element ("<time>18:54</time> MEZ"): read the parent's whole text.
      const text = (parent.textContent ?? '').replace(/\s+/g, ' ')
      if (time.test(node.textContent ?? '') && time.test(text)) found.push(`"${text.trim().slice(0, 80)}" (${parent.tagName.toLowerCase()})`)
    }
    return [...new Set(found)]
  })
}
