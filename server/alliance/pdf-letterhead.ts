import type { Translate } from '../../shared/i18n/index.ts'
import { displayUrl } from '../../web/views/alliance/site-publisher.tsx'
import type { Alliance } from './read-alliance.ts'

/** The PDF's letterhead: the alliance's name, then website and contact in one line (null without a profile). */
export function pdfLetterhead(alliance: Alliance, t: Translate): { name: string; lines: string[] } | null {
  if (!alliance.name) return null
  const contact = [alliance.website ? displayUrl(alliance.website) : '', alliance.contactEmail ? `${t('alliance.pdf.contact')}: ${alliance.contactEmail}` : '']
    .filter(Boolean)
    .join(' · ')
  const lines = [contact, alliance.pressContact ? `${t('alliance.footer.press')}: ${alliance.pressContact}` : ''].filter(Boolean)
  return { name: alliance.name, lines }
}

/** Every page's footer: who says it and how to reach them (before the page number); the page's URL without a profile. */
export function pdfFooter(alliance: Alliance, url: string): string {
  if (!alliance.name) return url
  return [alliance.name, alliance.website ? displayUrl(alliance.website) : '', alliance.contactEmail].filter(Boolean).join(' · ')
}
