import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkLanguagePack, LanguagePackError, type LanguagePack } from '../../shared/i18n/language-pack.ts'

/**
 * Where the interface language packs are by default: `languages/` at the top of the installation.
 * Derived from this file's place, which is two folders deep both as source (server/i18n/) and
 * built (server/dist/main.js), so it holds for `npm start` and for the tests.
 */
export const DEFAULT_LANGUAGES_DIR = fileURLToPath(new URL('../../languages', import.meta.url))

/**
 * Reads and checks every `<code>.json` in `dir` (other files are ignored; a missing folder means
 * no packs). A pack that cannot be read or is wrong stops the start with a message that names the
 * file and each problem key: a half-translated interface that shows raw keys must not go live.
 */
export function loadLanguagePacks(dir: string): LanguagePack[] {
  let files: string[]
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return files.map((file) => {
    const path = join(dir, file)
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'))
    } catch (error) {
      throw new LanguagePackError(path, [`not readable as JSON: ${(error as Error).message}`])
    }
    return checkLanguagePack(path, file.slice(0, -'.json'.length), raw)
  })
}
