import type { AmendmentStatus } from '../../db/schema/index.ts'
import type { AmendmentListed, SupportListed } from './amendment.repo.ts'

export interface AmendmentJson {
  id: string
  number: number
  versionNumber: number
  from: number
  to: number
  quote: string
  text: string
  /** The replacement as ProseMirror block nodes; [] deletes the passage. */
  content: unknown[]
  reason: string
  author: { id: string; name: string } | null
  initiative: { id: string; name: string } | null
  supporters: Array<{ id: string; name: string }>
  status: AmendmentStatus
  decision: { by: string | null; at: string; reason: string | null } | null
  roundId: string | null
  /** Why it is not (yet) in the draft: waiting, changed, too_many_changes; or obsolete. */
  mergeNote: string | null
  mergedAt: string | null
  obsoletedBy: string | null
  /** The version that contains it (the first frozen after its merge). */
  inVersion: number | null
  createdAt: string
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export function presentAmendment(row: AmendmentListed, supports: readonly SupportListed[]): AmendmentJson {
  return {
    id: row.id,
    number: row.number,
    versionNumber: row.version_number,
    from: row.from_pos,
    to: row.to_pos,
    quote: row.quote,
    text: row.text,
    content: JSON.parse(row.content) as unknown[],
    reason: row.reason,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? '' } : null,
    initiative: row.initiative_id ? { id: row.initiative_id, name: row.initiative_name ?? '' } : null,
    supporters: supports.filter((s) => s.amendment_id === row.id).map((s) => ({ id: s.initiative_id, name: s.initiative_name })),
    status: row.status,
    decision: row.decided_at === null ? null : { by: row.decided_by, at: iso(row.decided_at)!, reason: row.decision_reason },
    roundId: row.round_id,
    mergeNote: row.merge_note,
    mergedAt: iso(row.merged_at),
    obsoletedBy: row.obsoleted_by,
    inVersion: row.in_version,
    createdAt: iso(row.created_at)!,
  }
}
