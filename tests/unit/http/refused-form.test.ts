import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { AppError, fail, failThrottled } from '../../../shared/errors.ts'
import { translator, type Locale } from '../../../shared/i18n/index.ts'
import type { AppEnv } from '../../../server/http/app-env.ts'
import { messageOf } from '../../../server/http/error-message.ts'
import { submitForm, type RefusalOptions } from '../../../server/http/refused-form.ts'

/** Runs one form action through the edge helper inside a request, in the given language. */
async function submit(action: () => unknown, options: RefusalOptions = {}, locale: Locale = 'de') {
  const app = new Hono<AppEnv>()
    .use('*', (c, next) => {
      c.set('locale', locale)
      c.set('t', translator(locale))
      return next()
    })
    .get('/', async (c) => {
      const result = await submitForm(c, action, options)
      return c.json(result.ok ? { ok: true, value: result.value } : { ok: false, status: result.status, problem: result.problem })
    })
  app.onError((error, c) => c.json({ thrown: error instanceof AppError ? error.code : String(error) }, 500))
  const res = await app.request('/')
  return { res, body: (await res.json()) as Record<string, unknown> }
}

describe('submitForm: one way from a refusal to the form again', () => {
  it('passes the value of an accepted form through', async () => {
    expect((await submit(() => 42)).body).toEqual({ ok: true, value: 42 })
  })

  it('gives the status of the code, the message in the person’s language and the field', async () => {
    const action = () => fail('duplicate', { key: 'admin.error.slug_taken', params: { slug: 'wohnen' } }, 'slug')
    const de = await submit(action)
    expect(de.body).toEqual({ ok: false, status: 409, problem: { field: 'slug', message: expect.stringContaining('wohnen') } })
    const en = await submit(action, {}, 'en')
    expect((en.body.problem as { message: string }).message).not.toBe((de.body.problem as { message: string }).message)
    expect((en.body.problem as { message: string }).message).toContain('wohnen')
  })

  it('translates parameters that are messages themselves (a field’s label)', async () => {
    const { body } = await submit(() => fail('validation', { key: 'error.field_required', params: { field: { key: 'rounds.open.kind' } } }, 'kind'))
    expect(body.problem).toEqual({ field: 'kind', message: translator('de')('error.field_required', { field: translator('de')('rounds.open.kind') }) })
  })

  it('says what to do about a field the domain only named, and renames fields the form calls differently', async () => {
    const { body } = await submit(() => fail('not_found', undefined, 'versionNumber'), { messages: { versionNumber: 'rounds.error.version_not_found' }, fields: { versionNumber: 'version' } })
    expect(body).toEqual({ ok: false, status: 404, problem: { field: 'version', message: translator('de')('rounds.error.version_not_found') } })
  })

  it('tells a throttled person when to come back, in the header too', async () => {
    const { res, body } = await submit(() => failThrottled(90_000, { key: 'auth.throttled_minutes', params: { minutes: 2 } }))
    expect(body).toMatchObject({ ok: false, status: 429 })
    expect(res.headers.get('Retry-After')).toBe('90')
  })

  it('leaves the error page what is not about the form: a missing session, a page that is gone, a fault', async () => {
    expect((await submit(() => fail('unauthenticated'))).body).toEqual({ thrown: 'unauthenticated' })
    expect((await submit(() => fail('not_found'))).body).toEqual({ thrown: 'not_found' })
    expect((await submit(() => fail('not_found', { key: 'admin.error.person_not_found' }, 'personId'))).body).toMatchObject({ ok: false, status: 404 })
    expect((await submit(() => fail('forbidden'), { errorPage: ['forbidden'] })).body).toEqual({ thrown: 'forbidden' })
    expect((await submit(() => { throw new Error('disk full') })).body).toEqual({ thrown: 'Error: disk full' })
  })
})

describe('messageOf', () => {
  const t = translator('de')
  it('prefers the detail, then a field message over a schema’s wording, then the error’s own words, then the code', () => {
    expect(messageOf(t, new AppError('duplicate', { key: 'admin.error.email_taken' }, 'email'), { email: 'admin.error.email_invalid' })).toBe(t('admin.error.email_taken'))
    expect(messageOf(t, new AppError('validation', 'Invalid string: must match pattern', 'slug'), { slug: 'admin.error.slug_invalid' })).toBe(t('admin.error.slug_invalid'))
    expect(messageOf(t, new AppError('conflict', 'Schon vergeben.', 'slug'), { slug: 'admin.error.slug_invalid' })).toBe('Schon vergeben.')
    expect(messageOf(t, new AppError('round_open'))).toBe(t('error.round_open'))
  })
})
