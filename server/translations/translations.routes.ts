import { Hono } from 'hono'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readJson } from '../http/validate.ts'
import { addTranslation } from './add-translation.ts'
import { presentTranslation } from './present-translation.ts'
import { publishTranslation, withdrawTranslation } from './publish-translation.ts'
import { getTranslation, revisionsOf } from './translation.repo.ts'
import { TranslationInput, TranslationUpdate } from './translation-text.ts'
import { updateTranslation } from './update-translation.ts'
import { setTranslator } from './set-translator.ts'
import { TRANSLATION_LANGUAGE_CODES } from '../../shared/translations/languages.ts'

const WithdrawInput = z.strictObject({ reason: z.string().trim().min(1).max(1000) })
const TranslatorInput = z.strictObject({ languages: z.array(z.enum(TRANSLATION_LANGUAGE_CODES)).max(TRANSLATION_LANGUAGE_CODES.length) })

/** /api: translations of published positions, and who may write them. */
export const translationsRoutes = new Hono<AppEnv>()
  .post('/positions/:id/translations', async (c) => {
    const { actor } = requirePerson(c)
    const row = addTranslation(c.get('deps'), actor, c.req.param('id'), await readJson(c, TranslationInput))
    return c.json({ id: row.id, status: row.status }, 201)
  })
  .get('/translations/:id', (c) => {
    requirePerson(c)
    const { db } = c.get('deps')
    const row = getTranslation(db, c.req.param('id')) ?? fail('not_found')
    return c.json(presentTranslation(row, revisionsOf(db, row.id)))
  })
  .put('/translations/:id', async (c) => {
    const { actor } = requirePerson(c)
    const deps = c.get('deps')
    const row = updateTranslation(deps, actor, c.req.param('id'), await readJson(c, TranslationUpdate))
    return c.json(presentTranslation(row, revisionsOf(deps.db, row.id)))
  })
  .post('/translations/:id/publish', (c) => {
    const { actor } = requirePerson(c)
    const row = publishTranslation(c.get('deps'), actor, c.req.param('id'))
    return c.json({ id: row.id, status: row.status })
  })
  .post('/translations/:id/withdraw', async (c) => {
    const { actor } = requirePerson(c)
    const input = await readJson(c, WithdrawInput)
    const row = withdrawTranslation(c.get('deps'), actor, c.req.param('id'), input.reason)
    return c.json({ id: row.id, status: row.status })
  })
  .put('/people/:id/translator-languages', async (c) => {
    const { actor } = requirePerson(c)
    const input = await readJson(c, TranslatorInput)
    const languages = setTranslator(c.get('deps'), actor, c.req.param('id'), input.languages)
    return c.json({ personId: c.req.param('id'), languages })
  })

