import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPublishingWorld, decide, type PublishingWorld } from '../../support/adopt.ts'
import { wordFile } from '../../support/docx-fixtures.ts'
import { wordProcessorFile } from '../../support/word-processor-docx.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'
import { upload } from '../../support/upload.ts'

let t: TestApp
let world: PublishingWorld

beforeAll(async () => {
  t = await testApp()
  world = buildPublishingWorld(t)
})
afterAll(() => t.close())

async function importBytes(name: string, bytes: Uint8Array): Promise<string> {
  const res = await upload(t, '/api/positions/import', world.coordinator.cookie, { name, bytes }, { groupId: world.groupId })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { position: { id: string } }).position.id
}

async function draftContent(id: string): Promise<unknown> {
  return ((await (await t.client.as(world.member.cookie).get(`/api/positions/${id}/draft`)).json()) as { content: unknown }).content
}

async function download(path: string): Promise<Uint8Array> {
  const res = await t.client.as(world.member.cookie).get(path)
  expect(res.status).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}

describe('round trips', () => {
  for (const format of ['docx', 'md'] as const) {
    it(`Word file → import → freeze → ${format} export → import again: the text is the same`, async () => {
      const first = await importBytes('antrag.docx', await wordFile())
      const content = await draftContent(first)
      // Freezing gives the version the export is made of.
      await decide(t, world, first)
      const exported = await download(`/positions/${first}/versions/1.${format}`)
      const second = await importBytes(`antrag.${format}`, exported)
      expect(await draftContent(second)).toEqual(content)
      const again = await download(`/positions/${second}/draft.${format}`)
      const third = await importBytes(`antrag.${format}`, again)
      expect(await draftContent(third)).toEqual(content)
    })
  }

  it('keeps the title through an export and an import', async () => {
    const id = await importBytes('antrag.docx', await wordFile())
    const exported = await download(`/positions/${id}/draft.docx`)
    const res = await upload(t, '/api/positions/import', world.coordinator.cookie, { name: 'x.docx', bytes: exported }, { groupId: world.groupId })
    expect(((await res.json()) as { position: { title: string } }).position.title).toBe('Sprachkurse für alle')
  })

  it('reads a file as a word processor writes it (German style ids, numbering, tracked changes, a comment, a footnote) and keeps it through DOCX and Markdown', async () => {
    const res = await upload(t, '/api/positions/import', world.coordinator.cookie, { name: 'wohnen.docx', bytes: wordProcessorFile() }, { groupId: world.groupId })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { position: { id: string; title: string }; dropped: Array<{ kind: string; count: number }> }
    expect(body.position.title).toBe('Wohnraum für alle')
    expect(body.dropped).toEqual(
      expect.arrayContaining([
        { kind: 'comment', count: 1 },
        { kind: 'tracked_change', count: 2 },
        { kind: 'table', count: 1 },
        { kind: 'footnote', count: 1 },
      ]),
    )
    const html = ((await (await t.client.as(world.member.cookie).get(`/api/positions/${body.position.id}/draft`)).json()) as { html: string }).html
    expect(html).toContain('<h2>Ausgangslage</h2>')
    expect(html).toContain('<strong>jahrelang</strong>')
    expect(html).toContain('<em>Sammelunterkünften</em>')
    expect(html).toMatch(/<a [^>]*href="https:\/\/example.org\/lagebericht"[^>]*>Lagebericht<\/a>/)
    expect(html).toContain('<ol><li><p>Wohnungen statt Lager</p></li><li><p>Beratung beim Umzug</p></li></ol>')
    expect(html).toContain('<blockquote><p>Wohnen ist ein Menschenrecht.</p></blockquote>')
    // Tracked changes are taken as accepted; the comment's words are not in the text.
    expect(html).toContain('Die Kommunen müssen handeln.')
    expect(html).not.toContain('sollten')
    expect(html).not.toContain('Bis wann?')

    const content = await draftContent(body.position.id)
    for (const format of ['docx', 'md'] as const) {
      const again = await importBytes(`wohnen.${format}`, await download(`/positions/${body.position.id}/draft.${format}`))
      expect(await draftContent(again), format).toEqual(content)
    }
  })
})
