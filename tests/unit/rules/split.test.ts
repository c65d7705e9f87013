import { describe, expect, it } from 'vitest'
import { translator } from '../../../shared/i18n/index.ts'
import type { Choice, Majority, RoundKind } from '../../../shared/rules/choices.ts'
import { computeResult, type Outcome } from '../../../shared/rules/outcome.ts'
import { secretDisclosure, showResult } from '../../../shared/rules/secret-disclosure.ts'
import { leadingChoice, normalizeSplit, singleChoiceOf, type Split } from '../../../shared/rules/split.ts'
import { tally } from '../../../shared/rules/tally.ts'
import { publishedResultOfRound, resultSentence } from '../../../shared/publishing/result-sentence.ts'

// A ballot is either [answer, weight] or a split { answer: part } (its weight is the sum).
type B = [Choice, number] | Split
const ballots = (list: B[]) =>
  list.map((b) =>
    Array.isArray(b) ? { choice: b[0], weight: b[1] } : { choice: leadingChoice(b), weight: Object.values(b).reduce((s, w) => s + (w ?? 0), 0), split: b },
  )

describe('split votes in the tally, quorum and majority', () => {
  it.each<[string, RoundKind, Majority | null, number, number, B[], Outcome]>([
    // name, kind, majority, quorum bp, electorate weight, ballots, outcome
    ['weight 3 split 2 yes 1 abstain: yes beats no 1', 'vote', 'simple', 5000, 6, [{ yes: 2, abstain: 1 }, ['no', 1]], 'adopted'],
    ['simple majority tie made by a split: rejected', 'vote', 'simple', 5000, 6, [{ yes: 1, no: 1, abstain: 1 }, ['abstain', 1]], 'rejected'],
    ['simple majority one above the tie', 'vote', 'simple', 5000, 6, [{ yes: 2, no: 1 }, ['no', 1], ['yes', 1]], 'adopted'],
    ['two thirds exactly through a split (2 of 3)', 'vote', 'two_thirds', 5000, 4, [{ yes: 2, no: 1 }], 'adopted'],
    ['two thirds missed by one part (3 of 5)', 'vote', 'two_thirds', 5000, 6, [{ yes: 3, no: 2 }], 'rejected'],
    ['two thirds: abstain parts do not count', 'vote', 'two_thirds', 5000, 6, [{ yes: 2, no: 1, abstain: 2 }], 'adopted'],
    ['absolute: yes parts exactly half is not enough', 'vote', 'absolute', 5000, 8, [{ yes: 3, abstain: 1 }, ['yes', 1], ['no', 3]], 'rejected'],
    ['absolute: one yes part more than half (4 of 7)', 'vote', 'absolute', 5000, 7, [{ yes: 4, no: 1 }, ['abstain', 2]], 'adopted'],
    // The whole weight of a split ballot counts toward the quorum, whatever its parts.
    ['quorum met exactly by the whole weight of a split', 'vote', 'simple', 5000, 8, [{ yes: 3, abstain: 1 }], 'adopted'],
    ['quorum missed by one below the border', 'vote', 'simple', 5000, 8, [{ yes: 2, abstain: 1 }], 'no_quorum'],
    ['a split of only abstain parts is no split (counts toward quorum)', 'vote', 'simple', 5000, 4, [['abstain', 2], ['yes', 1]], 'adopted'],
    ['consent: an objection part blocks', 'consent', null, 5000, 4, [{ consent: 2, objection: 1 }], 'rejected'],
    ['consent: a stand-aside part does not block, quorum at the border', 'consent', null, 7500, 4, [{ consent: 2, stand_aside: 1 }], 'adopted'],
    ['consent: quorum just missed', 'consent', null, 7500, 5, [{ consent: 2, concern: 1 }], 'no_quorum'],
  ])('%s', (_name, kind, majority, quorumBp, electorateWeight, list, outcome) => {
    const result = computeResult({ kind, majority, quorumBp }, { count: 9, weight: electorateWeight }, ballots(list))
    expect(result.outcome).toBe(outcome)
    expect(result.quorumMet).toBe(outcome !== 'no_quorum')
  })

  it('adds each part to its answer, counts the ballot once per answer given and once in the participation', () => {
    const counted = tally('vote', ballots([{ yes: 2, abstain: 1 }, ['no', 1]]))
    expect(counted.perChoice).toEqual({ yes: { count: 1, weight: 2 }, no: { count: 1, weight: 1 }, abstain: { count: 1, weight: 1 } })
    expect(counted.participation).toEqual({ count: 2, weight: 4 })
    expect(counted.splits).toBe(1)
  })

  it('the result says how many ballots were split, and says nothing when none was', () => {
    const rules = { kind: 'vote' as const, majority: 'simple' as const, quorumBp: 0 }
    expect(computeResult(rules, { count: 3, weight: 5 }, ballots([{ yes: 2, no: 1 }, { yes: 1, abstain: 1 }])).splits).toBe(2)
    expect(computeResult(rules, { count: 3, weight: 5 }, ballots([['yes', 3]]))).not.toHaveProperty('splits')
  })

  it('refuses a split whose parts do not add up to the weight (a bug, not a vote)', () => {
    expect(() => tally('vote', [{ choice: 'yes', weight: 3, split: { yes: 1, no: 1 } }])).toThrow(/add up/)
  })
})

describe('checking a split', () => {
  it.each<[string, Record<string, number>, number, ReturnType<typeof normalizeSplit>]>([
    ['parts adding up to the weight', { yes: 2, abstain: 1 }, 3, { split: { yes: 2, abstain: 1 } }],
    ['zero parts are dropped, page order kept', { abstain: 1, no: 0, yes: 2 }, 3, { split: { yes: 2, abstain: 1 } }],
    ['a sum below the weight', { yes: 1, abstain: 1 }, 3, { problem: 'wrong_sum' }],
    ['a sum above the weight', { yes: 3, abstain: 1 }, 3, { problem: 'wrong_sum' }],
    ['a fraction', { yes: 1.5, no: 1.5 }, 3, { problem: 'not_whole' }],
    ['a negative part', { yes: 4, no: -1 }, 3, { problem: 'not_whole' }],
    ['an answer of the other round kind', { yes: 2, consent: 1 }, 3, { problem: 'not_an_answer' }],
  ])('%s', (_name, split, weight, expected) => {
    expect(normalizeSplit('vote', split, weight)).toEqual(expected)
  })

  it('a split with one answer is that answer; the stored answer of a split is its largest part', () => {
    expect(singleChoiceOf({ yes: 3 })).toBe('yes')
    expect(singleChoiceOf({ yes: 2, no: 1 })).toBeNull()
    expect(leadingChoice({ yes: 1, no: 2 })).toBe('no')
    expect(leadingChoice({ yes: 1, no: 1 })).toBe('yes')
  })
})

describe('split votes in secret rounds', () => {
  it('show only the outcome, and not that a split happened', () => {
    const result = computeResult({ kind: 'vote', majority: 'simple', quorumBp: 0 }, { count: 3, weight: 5 }, ballots([{ yes: 2, no: 1 }, ['no', 1], ['yes', 1]]))
    const disclosure = secretDisclosure(result, [3, 1, 1])
    expect(disclosure).toBe('outcome')
    const shown = showResult(result, disclosure)
    expect(shown.tally).toBeNull()
    expect(shown).not.toHaveProperty('splits')
  })

  it('open rounds show the tally and the number of split ballots', () => {
    const result = computeResult({ kind: 'vote', majority: 'simple', quorumBp: 0 }, { count: 2, weight: 4 }, ballots([{ yes: 2, no: 1 }, ['no', 1]]))
    expect(showResult(result, 'full')).toMatchObject({ splits: 1, tally: { yes: { count: 1, weight: 2 }, no: { count: 2, weight: 2 } } })
  })
})

describe('split votes in the result sentence (round page, public page, PDF, feed)', () => {
  it('says how many votes were split, and nothing when none was', () => {
    const rules = { kind: 'vote' as const, majority: 'simple' as const, quorumBp: 0 }
    const split = computeResult(rules, { count: 2, weight: 4 }, ballots([{ yes: 2, abstain: 1 }, ['no', 1]]))
    expect(resultSentence(publishedResultOfRound(showResult(split, 'full'), 'initiatives', Date.UTC(2027, 2, 3)), translator('de'))).toMatch(/Eine Stimme wurde geteilt\.$/)
    expect(resultSentence(publishedResultOfRound(showResult(split, 'full'), 'initiatives', Date.UTC(2027, 2, 3)), translator('en'))).toMatch(/One vote was split\.$/)
    const plain = computeResult(rules, { count: 2, weight: 4 }, ballots([['yes', 3], ['no', 1]]))
    expect(resultSentence(publishedResultOfRound(showResult(plain, 'full'), 'initiatives', Date.UTC(2027, 2, 3)), translator('de'))).not.toMatch(/geteilt/)
  })
})
