import type { Db } from '../../db/connection.ts'
import { all, run } from '../../db/query.ts'

/** The languages a person may translate into (the translator role, per language). */
export function translatorLanguagesOf(db: Db, personId: string): string[] {
  return all(db, db.q.selectFrom('translator_languages').select('language').where('person_id', '=', personId).orderBy('language')).map((r) => r.language)
}

/** Replaces a person's translator languages. */
export function setTranslatorLanguages(db: Db, personId: string, languages: readonly string[], at: number): void {
  run(db, db.q.deleteFrom('translator_languages').where('person_id', '=', personId))
  for (const language of new Set(languages)) run(db, db.q.insertInto('translator_languages').values({ person_id: personId, language, created_at: at }))
}

/** Everybody with a translator language, for the admin page. */
export function listTranslators(db: Db): Array<{ person_id: string; name: string; language: string }> {
  return all(
    db,
    db.q
      .selectFrom('translator_languages')
      .innerJoin('people', 'people.id', 'translator_languages.person_id')
      .select(['translator_languages.person_id', 'people.name', 'translator_languages.language'])
      .orderBy('people.name')
      .orderBy('translator_languages.language'),
  )
}
