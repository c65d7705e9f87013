import { updateYFragment } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { transaction } from '../../db/query.ts'
import type { AmendmentStatus } from '../../db/schema/index.ts'
import { editorSchema } from '../../shared/editor/extensions.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { draftView } from '../comments/draft-anchor.ts'
import type { Deps } from '../deps.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import { getPosition } from '../positions/position.repo.ts'
import { appendUpdate } from '../sync/doc.repo.ts'
import { loadDocFromDb } from '../sync/load-doc.ts'
import { getVersion } from '../versions/version.repo.ts'
import * as amendmentRepo from './amendment.repo.ts'
import { mapPassage } from './map-passage.ts'
import { applyReplacement, replacementFromJson } from './replacement.ts'

/** Statuses whose amendment goes (or may go again) into the live draft. */
export const MERGEABLE: readonly AmendmentStatus[] = ['taken_over', 'adopted', 'conflict']

/** Why an amendment is not (yet) in the draft, stored as `merge_note`. */
export type MergeNote = 'waiting' | 'changed' | 'too_many_changes'

export type MergeOutcome = { status: 'merged'; update: Uint8Array } | { status: 'conflict'; note: Exclude<MergeNote, 'waiting'> } | { status: 'waiting' }

/**
 * Works a taken-over or adopted amendment into the live draft as an ordinary edit: the
 * version's passage is placed in the draft as it is now (map-passage.ts), replaced there, and
 * the difference goes in as one Yjs update, through the sync core when the draft is open (every
 * open editor receives it; concurrent typing elsewhere, even in the same paragraph, is kept),
 * else straight into the stored log. When the passage was changed in the draft since the version,
 * nothing is written and the amendment is marked `conflict`. While the draft cannot be edited
 * (a round runs, or it is adopted) the amendment waits.
 * All of it runs in one synchronous step, so no editor's update lands in between.
 *
 * `automatic`: nobody asked for this merge and sees its outcome (merge-waiting.ts, after a round):
 * the audit says so, and a conflict is told to the group's coordinators.
 */
export function mergeAmendment(deps: Deps, actorId: string | null, amendmentId: string, options: { automatic?: boolean } = {}): MergeOutcome {
  const automatic = options.automatic === true
  const amendment = amendmentRepo.getAmendment(deps.db, amendmentId) ?? fail('not_found')
  if (!MERGEABLE.includes(amendment.status)) fail('amendment_decided', { key: 'amendments.error.not_mergeable' })
  const position = getPosition(deps.db, amendment.position_id) ?? fail('not_found')
  if (position.status !== 'drafting' || position.draft_readonly === 1 || position.archived_at !== null) {
    if (amendment.merge_note !== 'waiting' && amendment.status !== 'conflict') {
      transaction(deps.db, () => amendmentRepo.setStatus(deps.db, amendment.id, [amendment.status], { status: amendment.status, merge_note: 'waiting' }))
    }
    return { status: 'waiting' }
  }
  const version = getVersion(deps.db, position.id, amendment.version_number) ?? fail('internal')
  deps.events.emit('draft-freeze', { positionId: position.id })
  const outcome = draftUpdate(deps, position.id, JSON.parse(version.content), amendment)
  const at = deps.now()
  if (outcome.status === 'conflict') {
    transaction(deps.db, () => {
      amendmentRepo.setStatus(deps.db, amendment.id, MERGEABLE, { status: 'conflict', merge_note: outcome.note })
      recordAudit(deps, {
        actorId,
        action: 'amendment.conflict',
        objectType: 'amendment',
        objectId: amendment.id,
        data: { positionId: position.id, number: amendment.number, reason: outcome.note, ...(automatic ? { automatic } : {}) },
      })
      if (automatic) queueNotification(deps, 'amendment_conflict', { amendmentId: amendment.id })
    })
    return outcome
  }
  let taken = false
  deps.events.emit('draft-write', { positionId: position.id, update: outcome.update, taken: () => (taken = true) })
  // Stored now (with whatever else the turn holds) rather than at the end of the turn.
  if (taken) deps.events.emit('draft-freeze', { positionId: position.id })
  transaction(deps.db, () => {
    if (!taken) appendUpdate(deps.db, position.id, outcome.update)
    amendmentRepo.setStatus(deps.db, amendment.id, MERGEABLE, { status: 'merged', merged_at: at, merged_by: actorId, merge_note: null })
    recordAudit(deps, {
      actorId,
      action: 'amendment.merge',
      objectType: 'amendment',
      objectId: amendment.id,
      data: { positionId: position.id, number: amendment.number, versionNumber: amendment.version_number, live: taken, ...(automatic ? { automatic } : {}) },
    })
  })
  return outcome
}

/** The coordinator merges again: one that waited for the draft, or one in conflict after fixing the draft by hand. */
export function mergeAgain(deps: Deps, actor: Actor, amendmentId: string): MergeOutcome {
  const amendment = amendmentRepo.getAmendment(deps.db, amendmentId) ?? fail('not_found')
  const position = getPosition(deps.db, amendment.position_id) ?? fail('not_found')
  if (!can(actor, { type: 'amendment.decide', groupId: position.group_id })) fail('forbidden')
  return mergeAmendment(deps, actor.id, amendmentId)
}

function draftUpdate(deps: Deps, positionId: string, versionJson: unknown, amendment: { from_pos: number; to_pos: number; content: string }): Exclude<MergeOutcome, { status: 'waiting' }> {
  const schema = editorSchema()
  const versionDoc = schema.nodeFromJSON(versionJson)
  const { doc } = loadDocFromDb(deps.db, positionId)
  try {
    // Reading the draft as ProseMirror may tidy this copy (elements the schema cannot place);
    // only the update of our own edit below is taken, never that.
    const view = draftView(doc)
    const placed = mapPassage(versionDoc, view.pmDoc, amendment.from_pos, amendment.to_pos)
    if (!placed.ok) return { status: 'conflict', note: placed.reason }
    const next = applyReplacement(view.pmDoc, placed.from, placed.to, replacementFromJson(amendment.content))
    const updates: Uint8Array[] = []
    const collect = (update: Uint8Array) => updates.push(update)
    doc.on('update', collect)
    doc.transact(() => updateYFragment(doc, view.fragment as Y.XmlFragment, next, { mapping: view.mapping as never, isOMark: new Map() }))
    doc.off('update', collect)
    if (updates.length !== 1) fail('internal', `merging produced ${updates.length} updates`)
    return { status: 'merged', update: updates[0]! }
  } finally {
    doc.destroy()
  }
}
