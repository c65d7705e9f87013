import { fail } from '../../shared/errors.ts'
import { GERMAN } from '../../shared/i18n/index.ts'
import { missingKeys } from '../../shared/i18n/language-pack.ts'
import { DEFAULT_LANGUAGES_DIR, loadLanguagePacks } from '../i18n/language-packs.ts'
import type { CliContext } from './main.ts'

/**
 * `languages`: the interface languages, and for each language pack the keys it has no words for
 * (they show in German). A pack with a mistake never gets here: loading the app refuses it and
 * the command fails with the file, the key and the problem.
 */
export async function languagesCommand(args: string[], { deps, t, print }: CliContext): Promise<void> {
  if (args.length) fail('validation', t('cli.option_unknown', { option: args.join(' ') }))
  const dir = deps.config.languagesDir ?? DEFAULT_LANGUAGES_DIR
  const total = Object.keys(GERMAN).length
  for (const language of deps.languages.list.filter((l) => l.code === 'de' || l.code === 'en')) print(t('cli.languages.built_in', { code: language.code, name: language.name }))
  const packs = loadLanguagePacks(dir)
  if (packs.length === 0) print(t('cli.languages.none', { dir }))
  for (const pack of packs) {
    const missing = missingKeys(pack)
    print(t('cli.languages.pack', { code: pack.code, name: pack.name, dir: pack.dir, done: total - missing.length, total, missing: missing.length }))
    for (const key of missing) print(`  ${key}`)
  }
}
