import { fail } from '../../shared/errors.ts'
import type { Actor } from '../../shared/policy.ts'
import { choicesFor } from '../../shared/rules/choices.ts'
import type { Deps } from '../deps.ts'
import { readRound } from '../rounds/read-round.ts'
import { parseSplit } from '../rounds/split-answer.ts'

export type ResultTable = string[][]

/**
 * A closed round's result as rows of a table, showing exactly what the round page shows:
 * rounds whose answers may be shown with names (open, and "until close" once closed) give one
 * row per ballot (voter, answer, weight, who cast it, when, reason); secret rounds give only the
 * totals per answer, as far as the secret-disclosure rule allows (no weights, or no rows at all
 * when only the outcome may be shown), and a last row with the participation.
 * A round still running has no result yet, a cancelled one never gets one (`result_not_ready`).
 */
export function roundResultTable(deps: Deps, actor: Actor, roundId: string): { table: ResultTable; fileName: string } {
  const view = readRound(deps, actor, roundId)
  if (!view.closed) fail('result_not_ready')
  if (view.round.status === 'cancelled' || !view.result) fail('result_not_ready')
  const fileName = `${view.position.slug}-${view.round.kind}-${view.version.number}`
  if (view.answers) {
    const table: ResultTable = [['voter', 'voter_id', 'answer', 'weight', 'cast_by', 'cast_at', 'reason']]
    for (const a of view.answers) {
      // A split vote names its parts in the answer cell: "yes:2 abstain:1".
      const answer = a.split ? Object.entries(parseSplit(a.split) ?? {}).map(([c, w]) => `${c}:${w}`).join(' ') : a.choice
      table.push([a.label, a.voter_key, answer, String(a.weight), a.cast_by_name, new Date(a.cast_at).toISOString(), a.reason ?? ''])
    }
    return { table, fileName }
  }
  const table: ResultTable = [['answer', 'ballots', 'weight']]
  const tally = view.result.tally
  if (tally) {
    for (const choice of choicesFor(view.round.kind)) {
      const totals = tally[choice]
      if (totals) table.push([choice, String(totals.count), totals.weight === undefined ? '' : String(totals.weight)])
    }
  }
  table.push(['participation', String(view.participation.count), String(view.participation.weight)])
  return { table, fileName }
}
