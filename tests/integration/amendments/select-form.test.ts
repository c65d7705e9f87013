import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRoundWorld } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp

beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

// "Wir fordern bezahlbaren Wohnraum für alle." is the first paragraph: "bezahlbaren" is 13–24.
const BOLD = JSON.stringify([{ type: 'paragraph', content: [{ type: 'text', text: 'sicheren', marks: [{ type: 'bold' }] }] }])

async function world() {
  const w = buildRoundWorld(t, { draft: ['Wir fordern bezahlbaren Wohnraum für alle.', 'Sprachkurse ab dem ersten Tag.'] })
  expect((await w.coordinator.post(`/api/positions/${w.positionId}/versions`, {})).status).toBe(201)
  return { w, page: `/positions/${w.positionId}/amendments`, delegate: w.delegates[0]!.client }
}

describe('the propose form with a passage selected in the text (from/to) and the editor’s replacement (content)', () => {
  it('shows the version’s text to select from, with its document for the script', async () => {
    const { page, delegate } = await world()
    const html = await (await delegate.get(page)).text()
    expect(html).toContain('<script type="module" src="/assets/amendments.js"')
    expect(html).toMatch(/<div class="frozen-text prose" lang="de" data-amend-text="true" data-version="1" data-doc="\{&quot;content&quot;:/)
    expect(html).toContain('<p>Wir fordern bezahlbaren Wohnraum für alle.</p>')
  })

  it('proposes by positions with a bold replacement; the inline diff shows the bold word and says when only the formatting changes', async () => {
    const { w, page, delegate } = await world()
    const created = await delegate.form(page, { versionNumber: '1', from: '13', to: '24', quote: '', content: BOLD, reason: 'Sicherheit.' })
    expect(created.status).toBe(303)
    expect(created.headers.get('location')).toBe(`${page}#a-1`)
    const [a1] = ((await (await w.coordinator.get(`/api/positions/${w.positionId}/amendments`)).json()) as { amendments: Array<{ quote: string; text: string; content: unknown[] }> }).amendments
    expect(a1).toMatchObject({ quote: 'bezahlbaren', text: 'sicheren', content: JSON.parse(BOLD) })

    // The same words, now bold: only the formatting changes, and the diff says so.
    const bolder = JSON.stringify([{ type: 'paragraph', content: [{ type: 'text', text: 'Wohnraum', marks: [{ type: 'bold' }] }] }])
    expect((await delegate.form(page, { versionNumber: '1', from: '25', to: '33', content: bolder, reason: 'Betonung.' })).status).toBe(303)
    const html = await (await delegate.get(page)).text()
    expect(html).toMatch(/<del aria-label="bisher">bezahlbaren<\/del> <ins aria-label="neu"><strong>sicheren<\/strong><\/ins>/)
    expect(html).toMatch(/<del aria-label="bisher">Wohnraum<\/del> <ins aria-label="neu"><strong>Wohnraum<\/strong><\/ins><span class="muted"> \(nur die Formatierung ändert sich\)<\/span>/)
  })

  it('an empty editor proposes to delete the passage; a passage across paragraphs shows as blocks', async () => {
    const { w, page, delegate } = await world()
    expect((await delegate.form(page, { versionNumber: '1', from: '13', to: '24', content: '[]', reason: 'Weg damit.' })).status).toBe(303)
    // From "für alle." to "Sprachkurse": the end of the first paragraph and the start of the second.
    expect((await delegate.form(page, { versionNumber: '1', from: '34', to: '57', content: JSON.stringify([{ type: 'paragraph', content: [{ type: 'text', text: 'für alle und' }] }]), reason: 'Zusammen.' })).status).toBe(303)
    const list = ((await (await w.coordinator.get(`/api/positions/${w.positionId}/amendments`)).json()) as { amendments: Array<{ text: string; quote: string }> }).amendments
    expect(list.map((a) => a.text)).toEqual(['', 'für alle und'])
    const html = await (await delegate.get(page)).text()
    expect(html).toMatch(/<del aria-label="bisher">bezahlbaren<\/del> <em>\(streichen\)<\/em>/)
    expect(html).toContain('<div class="amendment-diff amendment-diff-blocks" lang="de"><del aria-label="bisher"><p>für alle.</p><p>Sprachkurse </p></del><ins aria-label="neu"><p>für alle und</p></ins></div>')
  })

  it('refuses positions outside the version, half a passage, a broken or foreign fragment and an unchanged text, each with a 4xx and words, never a 500', async () => {
    const { page, delegate } = await world()
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ from: '13', to: '9999' }, 400, 'Die Stelle liegt außerhalb des Textes dieser Fassung'],
      [{ from: '24', to: '13' }, 400, 'Die Stelle liegt außerhalb des Textes dieser Fassung'],
      [{ from: '13' }, 400, 'Anfang und Ende der Stelle gehören zusammen.'],
      [{ from: 'x', to: '24' }, 400, 'from'],
      [{ from: '13', to: '24', content: '{nicht json' }, 400, 'Der neue Text kam nicht lesbar an.'],
      [{ from: '13', to: '24', content: '{"type":"doc"}' }, 400, 'Der neue Text kam nicht lesbar an.'],
      [{ from: '13', to: '24', content: '[{"type":"table"}]' }, 400, 'Der Text enthält Elemente, die hier nicht erlaubt sind.'],
      [{ from: '13', to: '24', content: JSON.stringify([{ type: 'paragraph', content: [{ type: 'text', text: 'bezahlbaren' }] }]) }, 400, 'Der neue Text ist derselbe wie die Stelle.'],
      [{ quote: '' }, 400, 'Bitte markiere eine Stelle im Text oder kopiere sie in das Feld „Stelle“.'],
    ]
    for (const [fields, status, message] of cases) {
      const res = await delegate.form(page, { versionNumber: '1', text: 'x', reason: 'Grund.', ...fields })
      expect(res.status, JSON.stringify(fields)).toBe(status)
      expect(await res.text(), JSON.stringify(fields)).toContain(message)
    }
    // The API answers the same refusals with their codes.
    const api = `/api/positions/${(await world()).w.positionId}/amendments`
    const outside = await delegate.post(api, { versionNumber: 1, from: 13, to: 9999, text: 'x', reason: 'Grund.' })
    expect(outside.status).toBe(400)
    expect(await outside.json()).toMatchObject({ error: { code: 'amendment_range' } })
  })

  it('a refused post keeps the passage and the editor’s text for the script to take up again', async () => {
    const { page, delegate } = await world()
    const res = await delegate.form(page, { versionNumber: '1', from: '13', to: '24', content: BOLD, reason: '' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('data-from="13" data-to="24"')
    expect(html).toContain(`data-content="${BOLD.replace(/"/g, '&quot;')}"`)
  })
})
