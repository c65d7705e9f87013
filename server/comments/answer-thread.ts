import type { CommentRow, RoundRow } from '../../db/schema/index.ts'
import { AppError, fail } from '../../shared/errors.ts'
import type { Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { writeThread } from './create-comment.ts'

/** A passage of the version under decision (ProseMirror positions in its frozen text). */
export interface Passage {
  from: number
  to: number
}

/**
 * An objection or concern pointed at a passage: its reason becomes a thread on the round's
 * version, so the coordinator and others can answer it there. Runs inside the ballot's
 * transaction (a refusal undoes the ballot too); the caller announces after the commit.
 * Not in secret rounds: the thread bears its author's name.
 */
export function answerThread(deps: Deps, actor: Actor, round: Pick<RoundRow, 'position_id' | 'version_number' | 'secret'>, choice: string, reason: string | null, passage: Passage): CommentRow {
  if (choice !== 'objection' && choice !== 'concern') fail('validation', { key: 'rounds.error.passage_choice' }, 'passage')
  if (round.secret === 1) fail('validation', { key: 'rounds.error.passage_secret' }, 'passage')
  if (reason === null) fail('validation', undefined, 'reason')
  try {
    return writeThread(deps, actor, round.position_id, { body: reason, anchor: { versionNumber: round.version_number, ...passage }, ballotChoice: choice })
  } catch (error) {
    // The passage does not lie in this version's text: say so about the passage.
    if (error instanceof AppError && error.field === 'anchor') fail('validation', { key: 'rounds.error.passage_invalid' }, 'passage')
    throw error
  }
}
