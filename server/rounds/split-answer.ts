import { z } from 'zod'
import type { RoundRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { isChoiceOf, needsReason, type Choice } from '../../shared/rules/choices.ts'
import { leadingChoice, normalizeSplit, singleChoiceOf, splitChoices, type Split } from '../../shared/rules/split.ts'

/** `{ "yes": 2, "abstain": 1 }`: answers checked against the round by the domain. */
export const SplitBody = z.record(z.string().max(32), z.number()).refine((r) => Object.keys(r).length <= 8)

/** What a ballot answers: one answer, or a split vote whose `choice` is its largest part. */
export interface Answer {
  choice: Choice
  split: Split | null
}

/**
 * The answer of a ballot request: `choice`, or `split` in a round opened with allowSplit (its
 * parts whole numbers of the round's answers adding up to the voter's weight). Checked in two
 * steps: the shape before the voter is known, the sum once their weight is.
 */
export function answerShape(round: Pick<RoundRow, 'kind' | 'allow_split'>, input: { choice?: string | undefined; split?: Record<string, number> | undefined }) {
  if (input.split !== undefined) {
    if (input.choice !== undefined) fail('validation', { key: 'proxies.error.choice_or_split' }, 'split')
    if (round.allow_split !== 1) fail('split_not_allowed', undefined, 'split')
    const split = input.split
    return (weight: number): Answer => {
      const checked = normalizeSplit(round.kind, split, weight)
      if ('problem' in checked) {
        const sum = Object.values(split).reduce((s, w) => s + w, 0)
        fail('split_invalid', { key: `proxies.error.split_${checked.problem}`, params: { sum, weight } }, 'split')
      }
      const single = singleChoiceOf(checked.split)
      return single ? { choice: single, split: null } : { choice: leadingChoice(checked.split), split: checked.split }
    }
  }
  if (input.choice === undefined || !isChoiceOf(round.kind, input.choice)) fail('validation', undefined, 'choice')
  const choice = input.choice
  return (): Answer => ({ choice, split: null })
}

/** An objection needs a reason, also as a part of a split. */
export function answerNeedsReason(answer: Answer): boolean {
  return answer.split ? splitChoices(answer.split).some(needsReason) : needsReason(answer.choice)
}

export function splitJson(split: Split | null): string | null {
  return split ? JSON.stringify(split) : null
}

export function parseSplit(json: string | null | undefined): Split | null {
  return json ? (JSON.parse(json) as Split) : null
}
