import { newId } from '../../db/ids.ts'
import { isUniqueViolation, transaction } from '../../db/query.ts'
import { editorSchema } from '../../shared/editor/extensions.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { announce } from '../comments/comment-access.ts'
import { writeThread } from '../comments/create-comment.ts'
import type { Deps } from '../deps.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import { getPosition } from '../positions/position.repo.ts'
import { getVersion } from '../versions/version.repo.ts'
import * as amendmentRepo from './amendment.repo.ts'
import { applyReplacement, passageQuote, replacementFromContent, replacementFromText, replacementJson, replacementText } from './replacement.ts'

export interface ProposeAmendmentInput {
  versionNumber: number
  /** ProseMirror positions in the version's text. */
  from: number
  to: number
  /** Plain text (paragraphs separated by blank lines) or a ProseMirror fragment; empty deletes the passage. */
  text?: string | undefined
  content?: unknown[] | undefined
  reason: string
  /** Which of the author's initiatives proposes it, when they belong to several. */
  initiativeId?: string | undefined
}

/**
 * Proposes replacing a passage of a frozen version. The passage and the replacement are checked
 * on the version's text (the replacement must fit where the passage is), and the amendment gets
 * the position's next number.
 */
export function proposeAmendment(deps: Deps, actor: Actor, positionId: string, input: ProposeAmendmentInput): amendmentRepo.AmendmentListed {
  const position = getPosition(deps.db, positionId) ?? fail('not_found')
  if (!can(actor, { type: 'amendment.propose', groupId: position.group_id })) fail('forbidden')
  if (position.archived_at !== null) fail('position_archived')
  if (position.status !== 'drafting' && position.status !== 'in_round') fail('invalid_state')
  const version = getVersion(deps.db, positionId, input.versionNumber) ?? fail('not_found', undefined, 'versionNumber')
  const doc = editorSchema().nodeFromJSON(JSON.parse(version.content))
  const quote = passageQuote(doc, input.from, input.to)
  const nodes = input.content !== undefined ? replacementFromContent(input.content) : replacementFromText(input.text ?? '')
  // A replacement that leaves the text as it is (the editor starts with the passage) changes nothing.
  if (applyReplacement(doc, input.from, input.to, nodes).eq(doc)) fail('amendment_range', { key: 'amendments.error.unchanged' }, 'content')

  const initiativeId = initiativeOf(actor, input.initiativeId)
  const id = newId()
  transaction(deps.db, () => {
    const number = amendmentRepo.nextAmendmentNumber(deps.db, positionId)
    try {
      amendmentRepo.insertAmendment(deps.db, {
        id,
        position_id: positionId,
        number,
        version_number: version.number,
        from_pos: input.from,
        to_pos: input.to,
        quote,
        content: replacementJson(nodes),
        text: replacementText(nodes),
        reason: input.reason.trim(),
        author_id: actor.id,
        initiative_id: initiativeId,
        created_at: deps.now(),
        decided_by: null,
        decided_at: null,
        decision_reason: null,
        round_id: null,
        merged_at: null,
        merged_by: null,
        merge_note: null,
        obsoleted_by: null,
        in_version: null,
      })
    } catch (error) {
      if (isUniqueViolation(error)) fail('conflict')
      throw error
    }
    recordAudit(deps, {
      actorId: actor.id,
      action: 'amendment.propose',
      objectType: 'amendment',
      objectId: id,
      data: { positionId, number, versionNumber: version.number, from: input.from, to: input.to, initiativeId, deletion: nodes.length === 0 },
    })
    // Its discussion: a comment thread on the passage, opened by the reason (see ARCHITECTURE).
    writeThread(deps, actor, positionId, { body: input.reason.trim(), anchor: { versionNumber: version.number, from: input.from, to: input.to }, amendmentId: id })
    queueNotification(deps, 'amendment_proposed', { amendmentId: id })
  })
  announce(deps, positionId)
  return amendmentRepo.getAmendment(deps.db, id) ?? fail('internal')
}

// The initiative named (one the author belongs to), else the one they are a delegate of, else
// any of theirs; a group member of no initiative proposes for none.
function initiativeOf(actor: Actor, wanted: string | undefined): string | null {
  if (wanted !== undefined) {
    return actor.initiatives.some((i) => i.initiativeId === wanted) ? wanted : fail('forbidden', { key: 'amendments.error.not_initiative' }, 'initiativeId')
  }
  return (actor.initiatives.find((i) => i.role === 'delegate') ?? actor.initiatives[0])?.initiativeId ?? null
}
