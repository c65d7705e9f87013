import { editorSchema } from '../../shared/editor/extensions.ts'
import { buildContent, type ContentJson } from './build-content.ts'

/**
 * Checks ProseMirror JSON against the shared schema and refuses (`unknown_content`) any node,
 * mark, attribute or structure it does not know. Returns the canonical form: marks ordered,
 * every attribute present, links to anything but http(s)/mailto removed (their words kept), and
 * link attributes reset to ours.
 */
export function assertKnownContent(json: unknown): ContentJson {
  return buildContent(editorSchema(), json, 'strict').toJSON() as ContentJson
}
