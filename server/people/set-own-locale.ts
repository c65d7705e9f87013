import type { Locale } from '../../shared/i18n/index.ts'
import type { Deps } from '../deps.ts'
import * as personRepo from './person.repo.ts'

export function setOwnLocale(deps: Deps, personId: string, locale: Locale): void {
  personRepo.updatePerson(deps.db, personId, { locale }, deps.now())
}
