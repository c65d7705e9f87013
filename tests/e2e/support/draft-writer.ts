import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { editorSchema } from '../../../shared/editor/extensions.ts'
import { connectDraft } from '../../support/yjs-client.ts'
import type { E2eServer } from './server.ts'

/** A ProseMirror document as JSON (`{ type: 'doc', content: [...] }`) in the editor's schema. */
export interface DraftContent {
  type: string
  content?: unknown[]
}

/** A document of plain paragraphs, the shape most seeded drafts have. */
export function paragraphs(...texts: string[]): DraftContent {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
}

/**
 * Writes `content` into a position's draft through the sync websocket, as the editor would, and
 * resolves once the server has acknowledged storing it (no polling of the stored draft).
 * `cookie` is the writer's session (`apiLogin`); the draft must be empty and writable for them.
 */
export async function writeDraft(server: E2eServer, cookie: string, positionId: string, content: DraftContent): Promise<void> {
  const writer = connectDraft(server.url.replace(/^http/, 'ws') + '/sync', positionId, cookie, { origin: server.url })
  try {
    await writer.synced(15_000)
    prosemirrorJSONToYXmlFragment(editorSchema(), content, writer.doc.getXmlFragment('content'))
    await writer.stored(15_000)
  } finally {
    writer.destroy()
  }
}
