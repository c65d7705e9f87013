import { execFile } from 'node:child_process'
import { accessSync, constants, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { SCREENSHOT_DIR } from './screenshots.ts'

const run = promisify(execFile)
const PDFTOPPM = '/usr/bin/pdftoppm'

/**
 * Saves a PDF next to the screenshots and renders its pages to PNG with poppler's pdftoppm
 * (Debian package poppler-utils), so people can look at the PDF like at any page:
 * tests/e2e/screenshots/<name>.pdf and <name>-page-1.png, …
 * Returns the PNG paths; without pdftoppm only the PDF is saved and the list is empty (the
 * images are for looking at, not for asserting).
 */
export async function savePdfPages(pdf: Uint8Array, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-')
  const file = `${SCREENSHOT_DIR}${safe}.pdf`
  writeFileSync(file, pdf)
  try {
    accessSync(PDFTOPPM, constants.X_OK)
  } catch {
    console.warn(`pdftoppm fehlt (apt-get install poppler-utils): ${file} nicht als Bild gerendert`)
    return []
  }
  await run(PDFTOPPM, ['-png', '-r', '80', file, `${SCREENSHOT_DIR}${safe}-page`])
  return readdirSync(SCREENSHOT_DIR)
    .filter((f) => f.startsWith(`${safe}-page-`) && f.endsWith('.png'))
    .sort()
    .map((f) => `${SCREENSHOT_DIR}${f}`)
}
