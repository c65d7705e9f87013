import type { Node as PmNode } from '@tiptap/pm/model'
import { passageBlocks } from '../../shared/amendments/passage.ts'
import { editorSchema } from '../../shared/editor/extensions.ts'
import type { Deps } from '../deps.ts'
import { getVersion, latestVersionNumber } from '../versions/version.repo.ts'

/**
 * Each amendment's passage as block nodes cut from its version (with the formatting the diff
 * shows). Each version's text is read once; a passage that no longer fits (none should) is left
 * out, and the diff falls back to the plain quote.
 */
export function passagesOf(deps: Deps, positionId: string, amendments: ReadonlyArray<{ id: string; versionNumber: number; from: number; to: number }>): Map<string, unknown[]> {
  const docs = new Map<number, PmNode | null>()
  const out = new Map<string, unknown[]>()
  for (const a of amendments) {
    if (!docs.has(a.versionNumber)) {
      const version = getVersion(deps.db, positionId, a.versionNumber)
      docs.set(a.versionNumber, version ? editorSchema().nodeFromJSON(JSON.parse(version.content)) : null)
    }
    const doc = docs.get(a.versionNumber)
    if (!doc || a.to > doc.content.size || a.from >= a.to) continue
    out.set(a.id, passageBlocks(doc, a.from, a.to))
  }
  return out
}

/** The version whose text the propose form shows: the one asked for if it exists, else the latest; none before the first. */
export function proposeTextOf(deps: Deps, positionId: string, wanted: number | undefined): { number: number; html: string; content: string } | undefined {
  const version = (wanted !== undefined ? getVersion(deps.db, positionId, wanted) : undefined) ?? getVersion(deps.db, positionId, latestVersionNumber(deps.db, positionId))
  return version ? { number: version.number, html: version.html, content: version.content } : undefined
}
