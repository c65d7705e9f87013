import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LANGUAGES_DIR, loadLanguagePacks } from '../../../server/i18n/language-packs.ts'
import { GERMAN } from '../../../shared/i18n/index.ts'
import { missingKeys } from '../../../shared/i18n/language-pack.ts'
import { createLanguages } from '../../../shared/i18n/languages.ts'
import { SCRIPT_MESSAGE_KEYS, scriptTable } from '../../../shared/i18n/script-words.ts'
import { pluralKey, resultSentence } from '../../../shared/publishing/result-sentence.ts'

function packDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sprachrohr-packs-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content))
  return dir
}

const french = {
  name: 'Français',
  messages: {
    'nav.start': 'Accueil',
    'lang.switch_to': 'Passer en français',
    'me.intro': 'Vous êtes connecté·e avec {email}.',
    'publishing.result.who.initiatives.one': 'initiative',
    'publishing.result.who.initiatives.other': 'initiatives',
  },
}

describe('language packs', () => {
  it('loads a valid pack from its one file: code from the file name, name, direction, words', () => {
    const [pack, ...rest] = loadLanguagePacks(packDir({ 'fr.json': french, 'notes.txt': 'not a pack' }))
    expect(rest).toEqual([])
    expect(pack).toMatchObject({ code: 'fr', name: 'Français', dir: 'ltr' })
    const languages = createLanguages([pack!])
    expect(languages.codes).toEqual(['de', 'en', 'fr'])
    const t = languages.translator('fr')
    expect(t.locale).toBe('fr')
    expect(t('nav.start')).toBe('Accueil')
    expect(t('me.intro', { email: 'a@example.org' })).toBe('Vous êtes connecté·e avec a@example.org.')
  })

  it('shows German for every key a pack leaves out, and lists those keys', () => {
    const [pack] = loadLanguagePacks(packDir({ 'fr.json': french }))
    const t = createLanguages([pack!]).translator('fr')
    expect(t('nav.logout')).toBe(GERMAN['nav.logout'])
    const missing = missingKeys(pack!)
    expect(missing).toContain('nav.logout')
    expect(missing).not.toContain('nav.start')
    expect(missing.length).toBe(Object.keys(GERMAN).length - Object.keys(french.messages).length)
  })

  it('refuses a key German does not have, naming the file and the key', () => {
    const dir = packDir({ 'fr.json': { ...french, messages: { ...french.messages, 'nav.strat': 'Accueil' } } })
    expect(() => loadLanguagePacks(dir)).toThrow(/fr\.json[\s\S]*key "nav\.strat": German has no such key/)
  })

  it('refuses a placeholder the German text does not have (it would show as typed)', () => {
    const dir = packDir({ 'fr.json': { ...french, messages: { 'me.intro': 'Connecté·e avec {mail}.' } } })
    expect(() => loadLanguagePacks(dir)).toThrow(/fr\.json[\s\S]*key "me\.intro": placeholder \{mail\} is not in the German text/)
  })

  it('refuses a broken file, a wrong shape, a built-in code and a bad file name', () => {
    expect(() => loadLanguagePacks(packDir({ 'fr.json': '{ "name": "Français", ' }))).toThrow(/fr\.json[\s\S]*not readable as JSON/)
    expect(() => loadLanguagePacks(packDir({ 'fr.json': { name: 'Français', messages: { 'nav.start': 3 } } }))).toThrow(/fr\.json[\s\S]*messages\.nav\.start/)
    expect(() => loadLanguagePacks(packDir({ 'fr.json': { ...french, dir: 'up' } }))).toThrow(/fr\.json[\s\S]*dir/)
    expect(() => loadLanguagePacks(packDir({ 'en.json': french }))).toThrow(/en\.json[\s\S]*built in/)
    expect(() => loadLanguagePacks(packDir({ 'French.json': french }))).toThrow(/French\.json[\s\S]*lower-case language code/)
  })

  it('a missing folder means no packs', () => {
    expect(loadLanguagePacks(join(tmpdir(), 'sprachrohr-no-such-folder'))).toEqual([])
  })

  it('takes plural forms German lacks (few, many) and reads a missing one as "other"', () => {
    const dir = packDir({
      'pl.json': {
        name: 'Polski',
        messages: {
          'publishing.result.who.initiatives.one': 'inicjatywy',
          'publishing.result.who.initiatives.few': 'inicjatyw (few)',
          'publishing.result.who.initiatives.other': 'inicjatyw',
        },
      },
    })
    const t = createLanguages(loadLanguagePacks(dir)).translator('pl')
    expect(t(pluralKey('publishing.result.who.initiatives', 3, 'pl'))).toBe('inicjatyw (few)')
    expect(t(pluralKey('publishing.result.who.initiatives', 5, 'pl'))).toBe('inicjatyw') // "many", not in the pack
  })

  it('formats dates and numbers of a result sentence by the pack language (Intl), with its words', () => {
    const [pack] = loadLanguagePacks(packDir({ 'fr.json': french }))
    const sentence = resultSentence(
      { kind: 'consent', majority: null, electorate: 'initiatives', outcome: 'adopted', closedAt: Date.UTC(2027, 2, 3, 12), tally: { consent: { count: 3, weight: 3 } }, eligible: { count: 4, weight: 4 }, participation: 0.75 },
      createLanguages([pack!]).translator('fr'),
    )
    expect(sentence).toContain('3 mars 2027')
    expect(sentence).toMatch(/75\s%/)
  })

  it('an RTL pack says so, and Accept-Language picks an installed pack (also by its region tag)', () => {
    const languages = createLanguages(loadLanguagePacks(packDir({ 'ar.json': { name: 'العربية', dir: 'rtl', messages: {} } })))
    expect(languages.info('ar')).toEqual({ code: 'ar', name: 'العربية', dir: 'rtl', switchTo: undefined })
    expect(languages.fromAcceptLanguage('ar-EG,de;q=0.5')).toBe('ar')
    expect(languages.fromAcceptLanguage('fr,en;q=0.8')).toBe('en')
    expect(languages.fromAcceptLanguage('fr')).toBe('de')
    expect(languages.installed('fr')).toBeNull()
  })

  it('every shipped pack loads and is complete', () => {
    for (const pack of loadLanguagePacks(DEFAULT_LANGUAGES_DIR)) expect({ code: pack.code, missing: missingKeys(pack) }).toEqual({ code: pack.code, missing: [] })
  })
})

describe('words of browser scripts', () => {
  const de = { 'editor.toolbar': 'Formatierung', 'editor.bold': 'Fett' }
  const en = { 'editor.toolbar': 'Formatting', 'editor.bold': 'Bold' }
  const never = () => {
    throw new Error('German and English need no embedded words')
  }

  it('are bundled for German and English, and embedded by the page for a pack language (German where it lacks one)', () => {
    expect(scriptTable('de', de, en, never)).toBe(de)
    expect(scriptTable('en', de, en, never)).toBe(en)
    expect(scriptTable('fr', de, en, () => '{"editor.toolbar":"Mise en forme","other.key":"x"}')).toEqual({ 'editor.toolbar': 'Mise en forme', 'editor.bold': 'Fett' })
    expect(scriptTable('fr', de, en, () => null)).toBe(de)
    expect(scriptTable('fr', de, en, () => '{broken')).toBe(de)
  })

  it('are exactly the keys of the editor and comments modules, which a pack embeds for the page', () => {
    const [pack] = loadLanguagePacks(packDir({ 'fr.json': { name: 'Français', messages: { 'editor.toolbar': 'Mise en forme', 'nav.start': 'Accueil' } } }))
    expect(createLanguages([pack!]).scriptWords('fr', SCRIPT_MESSAGE_KEYS)).toEqual({ 'editor.toolbar': 'Mise en forme' })
    expect(createLanguages([pack!]).scriptWords('de', SCRIPT_MESSAGE_KEYS)).toBeNull()
  })
})
