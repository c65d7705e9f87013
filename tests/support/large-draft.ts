import * as Y from 'yjs'
import type { Db } from '../../db/connection.ts'
import { loadDocFromDb } from '../../server/sync/load-doc.ts'
import { buildPosition } from './factories.ts'
import { writeDraftJson } from './adopt.ts'

const SENTENCE = 'Wir fordern bezahlbaren Wohnraum für alle Geflüchteten, dezentrale Unterbringung und unabhängige Beratung in jeder Kommune. '

/**
 * A long position paper: paragraphs of about 600 characters with a bold phrase, a heading every
 * 20. `variant` changes every seventh paragraph, so two variants make a diff of many blocks.
 */
export function longContent(paragraphs: number, variant = 0): unknown {
  const blocks: unknown[] = []
  for (let i = 0; i < paragraphs; i++) {
    if (i % 20 === 0) blocks.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Abschnitt ${i / 20 + 1}` }] })
    const text = `${i}${i % 7 === variant ? ' (geändert)' : ''}: ${SENTENCE.repeat(4)}`
    blocks.push({ type: 'paragraph', content: [{ type: 'text', text: text.slice(0, 200) }, { type: 'text', marks: [{ type: 'bold' }], text: ' Wichtig: ' }, { type: 'text', text: text.slice(200) }] })
  }
  return { type: 'doc', content: blocks }
}

/** Size of a draft's Yjs state in bytes. */
export function draftStateBytes(db: Db, positionId: string): number {
  const { doc } = loadDocFromDb(db, positionId)
  const bytes = Y.encodeStateAsUpdate(doc).byteLength
  doc.destroy()
  return bytes
}

/** How many paragraphs of `longContent` make a draft of about `bytes` of Yjs state (a little under). */
export function paragraphsFor(db: Db, groupId: string, bytes: number): number {
  const probe = buildPosition(db, { groupId })
  writeDraftJson(db, probe.id, longContent(100))
  return Math.floor((bytes * 0.97) / (draftStateBytes(db, probe.id) / 100))
}
