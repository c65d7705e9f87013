import { describe, expect, it } from 'vitest'
import type { Majority } from '../../../shared/rules/choices.ts'
import { majorityReached } from '../../../shared/rules/majority.ts'

describe('majority', () => {
  it.each<[Majority, number, number, number, boolean]>([
    // majority, yes, no, electorate weight, reached?
    ['simple', 3, 2, 10, true],
    ['simple', 2, 2, 10, false], // tie is not a majority
    ['simple', 0, 0, 10, false], // zero votes
    ['simple', 1, 0, 10, true],
    ['simple', 2, 3, 10, false],
    ['two_thirds', 2, 1, 10, true], // exactly two thirds
    ['two_thirds', 4, 2, 10, true],
    ['two_thirds', 3, 2, 10, false], // 60 %
    ['two_thirds', 66, 34, 100, false], // 66 % is below 2/3
    ['two_thirds', 67, 33, 100, true],
    ['two_thirds', 1, 0, 10, true],
    ['two_thirds', 0, 0, 10, false], // nobody voted yes or no: not adopted
    ['two_thirds', 0, 1, 10, false],
    ['absolute', 6, 0, 10, true],
    ['absolute', 5, 0, 10, false], // exactly half is not more than half
    ['absolute', 5, 0, 9, true],
    ['absolute', 4, 0, 9, false],
    ['absolute', 0, 0, 10, false],
    ['absolute', 0, 0, 0, false],
  ])('%s: yes %i, no %i, electorate %i → %s', (majority, yes, no, electorate, reached) => {
    expect(majorityReached(majority, { yes, no }, electorate)).toBe(reached)
  })
})
