import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Reads the source: every place that tells the sync core a draft is editable again (after the
// commit of a close without adoption or a cancel) also merges the amendments that waited for it,
// so a new way back to drafting cannot forget them.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

function serverFiles(dir = 'server'): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return serverFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** The functions of `source` that emit `draft-readonly` with `readonly: false`, each with its body. */
export function editableAnnouncers(source: string): Array<{ name: string; body: string }> {
  const out: Array<{ name: string; body: string }> = []
  const functions = [...source.matchAll(/\nexport function (\w+)|\nfunction (\w+)/g)]
  functions.forEach((match, i) => {
    const body = source.slice(match.index, functions[i + 1]?.index ?? source.length)
    if (/emit\(\s*'draft-readonly',\s*\{[^}]*readonly:\s*false/.test(body)) out.push({ name: match[1] ?? match[2]!, body })
  })
  return out
}

describe('a draft that becomes editable again', () => {
  it('finds the announcements it checks (the check reads what it should)', () => {
    const sample = "\nexport function a() {\n  deps.events.emit('draft-readonly', { positionId, readonly: false })\n}\nfunction b() {\n  deps.events.emit('draft-readonly', { positionId, readonly: true })\n}\n"
    expect(editableAnnouncers(sample).map((f) => f.name)).toEqual(['a'])
  })

  it('gets the amendments that waited for it, wherever that is announced', () => {
    const announcers = serverFiles().flatMap((file) => editableAnnouncers(readFileSync(join(ROOT, file), 'utf8')).map((f) => ({ ...f, file })))
    expect(announcers.map((f) => f.name).sort()).toEqual(expect.arrayContaining(['announce', 'announceCancel']))
    for (const f of announcers) expect(f.body, `${f.file}: ${f.name}`).toMatch(/mergeWaiting\(deps, /)
  })
})
