import type { VersionSummaryRow } from './version.repo.ts'
import type { VersionDiff, VersionWithAuthor } from './read-versions.ts'

export function presentVersionSummary(v: VersionSummaryRow) {
  return {
    number: v.number,
    hash: v.hash,
    createdAt: new Date(v.created_at).toISOString(),
    createdBy: { id: v.created_by, name: v.created_by_name },
  }
}

export function presentVersion(v: VersionWithAuthor) {
  return {
    number: v.number,
    hash: v.hash,
    // Parsed from the stored canonical text; re-serialising it with canonicalJson gives the hashed bytes.
    content: JSON.parse(v.content) as unknown,
    html: v.html,
    createdAt: new Date(v.created_at).toISOString(),
    createdBy: { id: v.created_by, name: v.created_by_name },
  }
}

/** The body `{ from, to, blocks }`; the blocks were serialized where the diff was computed. */
export function presentDiffJson(d: VersionDiff): string {
  const from = JSON.stringify({ number: d.from.number, hash: d.from.hash })
  const to = JSON.stringify({ number: d.to.number, hash: d.to.hash })
  return `{"from":${from},"to":${to},"blocks":${d.diff.json}}`
}
