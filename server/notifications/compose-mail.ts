import type { Translate } from '../../shared/i18n/index.ts'

export interface MailBlock {
  /** A heading for the block (digests list several notifications). */
  heading?: string
  paragraphs: string[]
  action: { label: string; url: string }
}

export interface ComposedMail {
  text: string
  html: string
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * The plain-text and HTML parts of a mail: greeting, the blocks, a footer that says why it came,
 * with the one-click unsubscribe link (when the kind can be turned off) and the settings page.
 * No images, no tracking: every link is a plain link into the app.
 */
export function composeMail(input: { t: Translate; dir: 'ltr' | 'rtl'; name: string; blocks: MailBlock[]; unsubscribeUrl: string | null; settingsUrl: string }): ComposedMail {
  const { t } = input
  const text: string[] = [t('notify.greeting', { name: input.name }), '']
  const html: string[] = [`<p>${escape(t('notify.greeting', { name: input.name }))}</p>`]
  for (const block of input.blocks) {
    if (block.heading) {
      text.push(block.heading, '')
      html.push(`<h2 style="font-size:1.1em">${escape(block.heading)}</h2>`)
    }
    for (const p of block.paragraphs) {
      text.push(p, '')
      html.push(`<p>${escape(p)}</p>`)
    }
    text.push(`${block.action.label}: ${block.action.url}`, '')
    html.push(`<p><a href="${escape(block.action.url)}">${escape(block.action.label)}</a></p>`)
  }
  text.push('-- ', t('notify.signature'), t('notify.footer.why'))
  html.push(`<hr><p style="color:#555;font-size:0.9em">${escape(t('notify.footer.why'))}`)
  if (input.unsubscribeUrl) {
    text.push(`${t('notify.footer.unsubscribe')}: ${input.unsubscribeUrl}`)
    html.push(`<br><a href="${escape(input.unsubscribeUrl)}">${escape(t('notify.footer.unsubscribe'))}</a>`)
  }
  text.push(`${t('notify.footer.settings')}: ${input.settingsUrl}`)
  html.push(`<br><a href="${escape(input.settingsUrl)}">${escape(t('notify.footer.settings'))}</a></p>`)
  const lang = t.locale
  return {
    text: text.join('\n') + '\n',
    html: `<!doctype html><html lang="${lang}" dir="${input.dir}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${html.join('\n')}</body></html>`,
  }
}
