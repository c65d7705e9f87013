import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PdfInput } from '../../../server/publishing/render-pdf.ts'
import { adoptedPosition, buildPublishingWorld, type PublishingWorld } from '../../support/adopt.ts'
import { pdfText } from '../../support/pdf-text.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let world: PublishingWorld
let slug: string
let arabicId: string
/** The titles of the PDFs the app's renderer was asked for, in order. */
const rendered: string[] = []

const ARABIC = { language: 'ar', title: 'سكن للجميع', summary: '', text: 'نطالب بسكن ميسور التكلفة للجميع.' }
const PROFILE = {
  name: 'Bündnis Bleiberecht Nord',
  description: 'Ein Zusammenschluss von Initiativen.',
  website: 'https://bleiberecht-nord.example',
  contactEmail: 'kontakt@bleiberecht-nord.example',
  pressContact: '',
  imprintText: 'Musterstraße 1, 20095 Hamburg',
  privacyUrl: 'https://bleiberecht-nord.example/datenschutz',
}

async function arabicPdf(): Promise<{ status: number; text: string }> {
  const res = await t.client.get(`/p/${slug}/ar.pdf`)
  if (res.status !== 200) return { status: res.status, text: '' }
  return { status: 200, text: pdfText(Buffer.from(await res.arrayBuffer())).replace(/[\u202a-\u202e]/g, '') }
}

beforeAll(async () => {
  // One render worker, as in production: the PDF must be laid out there, not on the event loop.
  t = await testApp({ renders: { workers: 1 } })
  t.clock.set(Date.parse('2027-03-03T09:00:00Z'))
  world = buildPublishingWorld(t, { initiatives: 3 })
  const position = await adoptedPosition(t, world, { title: 'Wohnen für alle' })
  slug = position.slug
  await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, { summary: 'Mehr bezahlbare Wohnungen.' })
  const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/translations`, ARABIC)
  arabicId = ((await res.json()) as { id: string }).id
  expect((await t.client.as(world.spokesperson.cookie).post(`/api/translations/${arabicId}/publish`)).status).toBe(200)
  const renders = t.deps.renders
  const pdf = renders.pdf.bind(renders)
  renders.pdf = (input: PdfInput) => {
    rendered.push(input.title)
    return pdf(input)
  }
})
afterAll(() => t.close())

describe('the PDF of a translation', () => {
  it('is laid out in the render worker and kept: asking again renders nothing', async () => {
    const first = await arabicPdf()
    expect(first.status).toBe(200)
    expect(first.text).toContain('سكن للجميع')
    expect(rendered).toEqual(['سكن للجميع'])
    expect(t.deps.renders.pool.running).toBe(1)
    expect(await arabicPdf()).toEqual(first)
    expect(rendered).toHaveLength(1)
  })

  it('is rendered anew after the translation is updated, never served from before', async () => {
    t.clock.advance(60_000)
    const res = await t.client.as(world.spokesperson.cookie).put(`/api/translations/${arabicId}`, { title: 'سكن لائق للجميع', summary: '', text: ARABIC.text })
    expect(res.status).toBe(200)
    const pdf = await arabicPdf()
    expect(pdf.text).toContain('سكن لائق للجميع')
    expect(rendered).toEqual(['سكن للجميع', 'سكن لائق للجميع'])
  })

  it('is rendered anew after the alliance changes its profile', async () => {
    expect((await arabicPdf()).text).not.toContain(PROFILE.name)
    t.clock.advance(60_000)
    expect((await t.client.as(world.admin.cookie).put('/api/alliance', PROFILE)).status).toBe(200)
    const pdf = await arabicPdf()
    expect(pdf.text).toContain(PROFILE.name)
    expect(pdf.text).toContain('bleiberecht-nord.example')
    expect(rendered).toHaveLength(3)
  })

  it('is gone when the translation is withdrawn, and rendered anew when it is published again', async () => {
    const before = await arabicPdf()
    t.clock.advance(60_000)
    expect((await t.client.as(world.spokesperson.cookie).post(`/api/translations/${arabicId}/withdraw`, { reason: 'Fehler' })).status).toBe(200)
    expect((await arabicPdf()).status).toBe(404)
    t.clock.set(Date.parse('2027-03-05T09:00:00Z'))
    expect((await t.client.as(world.spokesperson.cookie).post(`/api/translations/${arabicId}/publish`)).status).toBe(200)
    const again = await arabicPdf()
    expect(again.status).toBe(200)
    expect(rendered).toHaveLength(4)
    // The new publication date is printed, not the one of the first publication.
    expect(again.text).not.toEqual(before.text)
    expect(again.text).toContain('5. März 2027')
  })
})
