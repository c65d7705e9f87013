import { describe, expect, it } from 'vitest'
import type { Choice, Majority, RoundKind } from '../../../shared/rules/choices.ts'
import { computeResult, type Outcome } from '../../../shared/rules/outcome.ts'

type B = [Choice, number]
const ballots = (list: B[]) => list.map(([choice, weight]) => ({ choice, weight }))

describe('round outcome', () => {
  it.each<[string, RoundKind, Majority | null, number, number, B[], Outcome]>([
    // name, kind, majority, quorum bp, electorate weight, ballots, outcome
    ['consent of all', 'consent', null, 5000, 4, [['consent', 1], ['consent', 1], ['consent', 1]], 'adopted'],
    ['concern does not block', 'consent', null, 5000, 4, [['consent', 1], ['concern', 1]], 'adopted'],
    ['stand-asides count toward quorum and do not block', 'consent', null, 5000, 4, [['consent', 1], ['stand_aside', 1]], 'adopted'],
    ['one objection blocks', 'consent', null, 5000, 4, [['consent', 1], ['consent', 1], ['objection', 1]], 'rejected'],
    ['objection of a light initiative still blocks', 'consent', null, 5000, 10, [['consent', 9], ['objection', 1]], 'rejected'],
    ['missing quorum beats objection', 'consent', null, 5000, 10, [['objection', 1]], 'no_quorum'],
    ['consent without quorum', 'consent', null, 5000, 10, [['consent', 4]], 'no_quorum'],
    ['heavy weight reaches quorum alone', 'consent', null, 5000, 10, [['consent', 5]], 'adopted'],
    ['zero quorum, no ballots: nobody objected', 'consent', null, 0, 4, [], 'adopted'],
    ['simple yes', 'vote', 'simple', 5000, 4, [['yes', 1], ['no', 1], ['yes', 1]], 'adopted'],
    ['simple tie', 'vote', 'simple', 5000, 4, [['yes', 1], ['no', 1]], 'rejected'],
    ['simple abstentions only', 'vote', 'simple', 5000, 4, [['abstain', 1], ['abstain', 1]], 'rejected'],
    ['abstentions reach quorum, yes wins', 'vote', 'simple', 7500, 4, [['yes', 1], ['abstain', 1], ['abstain', 1]], 'adopted'],
    ['weights decide', 'vote', 'simple', 5000, 6, [['yes', 1], ['yes', 1], ['no', 3]], 'rejected'],
    ['two thirds exactly', 'vote', 'two_thirds', 5000, 3, [['yes', 1], ['yes', 1], ['no', 1]], 'adopted'],
    ['two thirds missed', 'vote', 'two_thirds', 5000, 5, [['yes', 3], ['no', 2]], 'rejected'],
    ['two thirds ignores abstentions', 'vote', 'two_thirds', 5000, 5, [['yes', 2], ['no', 1], ['abstain', 2]], 'adopted'],
    ['absolute: half is not enough', 'vote', 'absolute', 5000, 10, [['yes', 5], ['abstain', 5]], 'rejected'],
    ['absolute: more than half', 'vote', 'absolute', 5000, 10, [['yes', 6]], 'adopted'],
    ['vote without quorum', 'vote', 'simple', 5000, 10, [['yes', 4]], 'no_quorum'],
  ])('%s', (_name, kind, majority, quorumBp, electorateWeight, list, outcome) => {
    const result = computeResult({ kind, majority, quorumBp }, { count: 99, weight: electorateWeight }, ballots(list))
    expect(result.outcome).toBe(outcome)
    expect(result.quorumMet).toBe(outcome !== 'no_quorum')
  })

  it('a withdrawn objection (replaced by another answer) no longer blocks', () => {
    // Ballots are "the latest answer of each voter": withdrawing replaces the objection.
    const before = computeResult({ kind: 'consent', majority: null, quorumBp: 5000 }, { count: 2, weight: 2 }, ballots([['consent', 1], ['objection', 1]]))
    const after = computeResult({ kind: 'consent', majority: null, quorumBp: 5000 }, { count: 2, weight: 2 }, ballots([['consent', 1], ['concern', 1]]))
    expect(before.outcome).toBe('rejected')
    expect(after.outcome).toBe('adopted')
  })

  it('records the rules and totals it was computed with', () => {
    const result = computeResult({ kind: 'vote', majority: 'two_thirds', quorumBp: 2500 }, { count: 4, weight: 7 }, ballots([['yes', 3], ['no', 1]]))
    expect(result).toEqual({
      kind: 'vote',
      majority: 'two_thirds',
      quorum: 0.25,
      electorate: { count: 4, weight: 7 },
      tally: { yes: { count: 1, weight: 3 }, no: { count: 1, weight: 1 }, abstain: { count: 0, weight: 0 } },
      participation: { count: 2, weight: 4 },
      quorumMet: true,
      outcome: 'adopted',
    })
  })

  it('a consent round never carries a majority rule', () => {
    expect(computeResult({ kind: 'consent', majority: 'simple', quorumBp: 0 }, { count: 1, weight: 1 }, []).majority).toBeNull()
  })
})
