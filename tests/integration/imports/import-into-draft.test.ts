import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDraftWorld, type DraftWorld } from '../../support/draft-world.ts'
import { appendParagraph, draftText, waitFor } from '../../support/yjs-client.ts'

let world: DraftWorld

beforeAll(async () => {
  world = await startDraftWorld()
})
afterAll(() => world.close())

async function importInto(positionId: string, cookie: string, name: string, text: string): Promise<Response> {
  const form = new FormData()
  form.append('file', new File([text], name))
  const serialised = new Response(form)
  const body = new Uint8Array(await serialised.arrayBuffer())
  return fetch(`${world.server.url}/api/positions/${positionId}/draft/import`, {
    method: 'POST',
    headers: {
      origin: 'http://sprachrohr.test',
      cookie,
      'content-type': serialised.headers.get('content-type')!,
      'content-length': String(body.byteLength),
    },
    body,
  })
}

describe('POST /api/positions/:id/draft/import', () => {
  it('fills an empty draft that is open in an editor: the editor receives the text at once, and it is stored', async () => {
    const positionId = world.newPosition()
    const editor = world.connect(positionId, world.anna)
    await editor.synced()
    const res = await importInto(positionId, world.ben, 'text.md', '## Ziele\n\nMehr Sprachkurse.')
    expect(res.status, await res.clone().text()).toBe(200)
    await waitFor(() => draftText(editor.doc).includes('Mehr Sprachkurse.'), { what: 'the imported text in the open editor' })
    expect(draftText(editor.doc)).toBe('Ziele\nMehr Sprachkurse.')
    const stored = await fetch(`${world.server.url}/api/positions/${positionId}/draft`, { headers: { cookie: world.ben } })
    expect(((await stored.json()) as { html: string }).html).toBe('<h2>Ziele</h2><p>Mehr Sprachkurse.</p>')
  })

  it('fills an empty draft nobody has open', async () => {
    const positionId = world.newPosition()
    const res = await importInto(positionId, world.ben, 'text.txt', 'Nur ein Absatz.')
    expect(res.status).toBe(200)
    const editor = world.connect(positionId, world.anna)
    await editor.synced()
    expect(draftText(editor.doc)).toBe('Nur ein Absatz.')
  })

  it('refuses a draft that already has text', async () => {
    const positionId = world.newPosition()
    const editor = world.connect(positionId, world.anna)
    await editor.synced()
    appendParagraph(editor.doc, 'Schon geschrieben.')
    // Until the server has stored the paragraph (a wait for what must come, not a timing).
    for (let i = 0; i < 200; i++) {
      const draft = await fetch(`${world.server.url}/api/positions/${positionId}/draft`, { headers: { cookie: world.ben } })
      if (((await draft.json()) as { html: string }).html.includes('Schon geschrieben.')) break
      await new Promise((r) => setTimeout(r, 25))
    }
    const res = await importInto(positionId, world.ben, 'text.txt', 'Überschreiben?')
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'draft_not_empty' } })
  })
})
