import { deflateRawSync } from 'node:zlib'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPublishingWorld, type PublishingWorld } from '../../support/adopt.ts'
import { wordFile } from '../../support/docx-fixtures.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'
import { upload } from '../../support/upload.ts'

let t: TestApp
let world: PublishingWorld

beforeAll(async () => {
  t = await testApp()
  world = buildPublishingWorld(t)
})
afterAll(() => t.close())

interface Imported {
  position: { id: string; title: string; status: string }
  dropped: Array<{ kind: string; count: number }>
}

async function importFile(file: { name: string; bytes: Uint8Array | string }, fields: Record<string, string> = {}, cookie = world.member.cookie) {
  return upload(t, '/api/positions/import', cookie, file, { groupId: world.groupId, ...fields })
}

async function draftOf(id: string): Promise<{ content: unknown; html: string }> {
  const res = await t.client.as(world.member.cookie).get(`/api/positions/${id}/draft`)
  return (await res.json()) as { content: unknown; html: string }
}

describe('POST /api/positions/import', () => {
  it('turns a Word file into a new position: title, headings, emphasis, links and lists survive; table and image are listed as dropped', async () => {
    const res = await importFile({ name: 'sprachkurse.docx', bytes: await wordFile() })
    expect(res.status, await res.clone().text()).toBe(201)
    const body = (await res.json()) as Imported
    expect(body.position).toMatchObject({ title: 'Sprachkurse für alle', status: 'drafting' })
    expect(body.dropped).toEqual(expect.arrayContaining([{ kind: 'table', count: 1 }, { kind: 'image', count: 1 }]))
    const { html } = await draftOf(body.position.id)
    expect(html).toContain('<h2>Ausgangslage</h2>')
    expect(html).toContain('<h3>Forderungen</h3>')
    expect(html).toContain('<strong>monatelang</strong>')
    expect(html).toContain('<em>Integrationskurs</em>')
    expect(html).toMatch(/<a [^>]*href="https:\/\/example.org\/bericht"[^>]*>Bericht<\/a>/)
    expect(html).toContain('<li><p>Kurse ab dem ersten Tag</p></li>')
    expect(html).toContain('Schluss.')
    expect(html).not.toContain('Tabellenzelle')
    expect(html).not.toContain('<img')
  })

  it('takes the given title over the document’s own', async () => {
    const res = await importFile({ name: 'x.docx', bytes: await wordFile() }, { title: 'Eigener Titel' })
    expect(((await res.json()) as Imported).position.title).toBe('Eigener Titel')
  })

  it('reads Markdown and plain text', async () => {
    const md = await importFile({ name: 'notiz.md', bytes: '# Wohnen\n\nWir **fordern** [mehr](https://example.org).\n\n- a\n- b\n\n> Zitat\n' })
    expect(md.status).toBe(201)
    const mdBody = (await md.json()) as Imported
    expect(mdBody.position.title).toBe('Wohnen')
    const mdHtml = (await draftOf(mdBody.position.id)).html
    expect(mdHtml).toContain('<strong>fordern</strong>')
    expect(mdHtml).toContain('<blockquote><p>Zitat</p></blockquote>')
    const txt = await importFile({ name: 'brief_an_die_stadt.txt', bytes: 'Erster Absatz\nzweite Zeile\n\n<b>Zweiter</b> Absatz' })
    expect(txt.status).toBe(201)
    const txtBody = (await txt.json()) as Imported
    expect(txtBody.position.title).toBe('brief an die stadt')
    const txtHtml = (await draftOf(txtBody.position.id)).html
    expect(txtHtml).toContain('<p>Erster Absatz<br>zweite Zeile</p>')
    expect(txtHtml).toContain('&lt;b&gt;Zweiter&lt;/b&gt; Absatz')
  })

  it('records the import in the audit log with what was dropped', async () => {
    const res = await importFile({ name: 'a.md', bytes: 'Text mit ![Bild](x.png)' })
    const { position } = (await res.json()) as Imported
    const row = t.db.sqlite.prepare("SELECT data FROM audit_events WHERE action = 'position.import' AND object_id = ?").get(position.id) as { data: string }
    expect(JSON.parse(row.data)).toMatchObject({ format: 'markdown', fileName: 'a.md', dropped: [{ kind: 'image', count: 1 }] })
  })

  it('needs a member of the group and a session', async () => {
    expect((await importFile({ name: 'a.md', bytes: 'x' }, {}, '')).status).toBe(401)
    const outsider = world.delegates[0]!.cookie
    expect((await importFile({ name: 'a.md', bytes: 'x' }, {}, outsider)).status).toBe(403)
    expect((await importFile({ name: 'a.md', bytes: 'x' }, { groupId: 'nope' })).status).toBe(404)
  })
})

describe('files that are refused', () => {
  async function refused(file: { name: string; bytes: Uint8Array | string }, status: number, code: string) {
    const res = await importFile(file)
    expect(res.status, await res.clone().text()).toBe(status)
    expect(await res.json()).toMatchObject({ error: { code } })
  }

  it('a renamed binary', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    await refused({ name: 'text.docx', bytes: png }, 400, 'import_unreadable')
    await refused({ name: 'text.md', bytes: png }, 400, 'import_unreadable')
    await refused({ name: 'text.txt', bytes: new Uint8Array([0x41, 0x00, 0x42]) }, 400, 'import_unreadable')
  })

  it('a zip that is no Word file, and a broken one', async () => {
    const zip = new JSZip()
    zip.file('hello.txt', 'hi')
    await refused({ name: 'a.docx', bytes: await zip.generateAsync({ type: 'uint8array' }) }, 400, 'import_unreadable')
    const word = await wordFile()
    await refused({ name: 'a.docx', bytes: word.subarray(0, word.length - 200) }, 400, 'import_unreadable')
    const garbled = Buffer.from(word)
    garbled.fill(0x55, 200, 2000)
    await refused({ name: 'a.docx', bytes: garbled }, 400, 'import_unreadable')
  })

  it('a zip bomb, without unpacking it', async () => {
    // 80 MB of zeros compress to 80 KB; the headers claim them stored, at their compressed size.
    const zip = new JSZip()
    zip.file('word/document.xml', '<w:document/>')
    const base = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
    const bomb = new JSZip()
    bomb.file('[Content_Types].xml', '<Types/>')
    bomb.file('word/document.xml', deflateRawSync(Buffer.alloc(80 * 1024 * 1024)), { binary: true, compression: 'STORE' })
    void base
    const stored = await bomb.generateAsync({ type: 'nodebuffer' })
    // Mark the entry as deflated, so that its stored bytes are inflated (80 MB).
    const patched = markDeflated(stored, 'word/document.xml')
    await refused({ name: 'bomb.docx', bytes: patched }, 413, 'import_too_large')
  })

  it('a file beyond the size cap', async () => {
    await refused({ name: 'big.txt', bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61) }, 413, 'import_too_large')
  })

  it('a form without a file', async () => {
    const form = new FormData()
    form.append('groupId', world.groupId)
    const res = await t.app.request('/api/positions/import', {
      method: 'POST',
      headers: { origin: 'http://sprachrohr.test', cookie: world.member.cookie, 'content-length': '200' },
      body: form,
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'validation', field: 'file' } })
  })
})

/** Sets the compression method of one entry to deflate in both its local and central header. */
function markDeflated(zip: Buffer, name: string): Buffer {
  const out = Buffer.from(zip)
  for (let at = 0; at < out.length - 4; at++) {
    const sig = out.readUInt32LE(at)
    if (sig === 0x04034b50 && out.toString('utf8', at + 30, at + 30 + out.readUInt16LE(at + 26)) === name) out.writeUInt16LE(8, at + 8)
    if (sig === 0x02014b50 && out.toString('utf8', at + 46, at + 46 + out.readUInt16LE(at + 28)) === name) out.writeUInt16LE(8, at + 10)
  }
  return out
}
