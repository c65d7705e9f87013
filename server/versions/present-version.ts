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

export function presentDiff(d: VersionDiff) {
  return {
    from: { number: d.from.number, hash: d.from.hash },
    to: { number: d.to.number, hash: d.to.hash },
    blocks: d.blocks,
  }
}
