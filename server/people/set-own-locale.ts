import { fail } from '../../shared/errors.ts'
import type { Locale } from '../../shared/i18n/index.ts'
import type { Deps } from '../deps.ts'
import * as personRepo from './person.repo.ts'

/** Stores a person's interface language; only an installed one (the switch offers no other). */
export function setOwnLocale(deps: Deps, personId: string, locale: Locale): void {
  if (!deps.languages.has(locale)) fail('validation', { key: 'me.locale_unknown' }, 'locale')
  personRepo.updatePerson(deps.db, personId, { locale }, deps.now())
}
