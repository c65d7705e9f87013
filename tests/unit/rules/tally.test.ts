import { describe, expect, it } from 'vitest'
import { choicesFor, isChoiceOf, needsReason } from '../../../shared/rules/choices.ts'
import { tally } from '../../../shared/rules/tally.ts'

describe('choices', () => {
  it('gives each kind its answers', () => {
    expect(choicesFor('consent')).toEqual(['consent', 'concern', 'stand_aside', 'objection'])
    expect(choicesFor('vote')).toEqual(['yes', 'no', 'abstain'])
  })

  it.each([
    ['consent', 'objection', true],
    ['consent', 'yes', false],
    ['vote', 'abstain', true],
    ['vote', 'stand_aside', false],
    ['vote', 'maybe', false],
  ] as const)('%s has %s: %s', (kind, choice, has) => {
    expect(isChoiceOf(kind, choice)).toBe(has)
  })

  it('wants a reason only for objections', () => {
    expect(needsReason('objection')).toBe(true)
    expect(needsReason('concern')).toBe(false)
    expect(needsReason('no')).toBe(false)
  })
})

describe('tally', () => {
  it('counts and weighs each answer, listing those nobody gave', () => {
    const result = tally('consent', [
      { choice: 'consent', weight: 3 },
      { choice: 'consent', weight: 1 },
      { choice: 'stand_aside', weight: 2 },
    ])
    expect(result.perChoice).toEqual({
      consent: { count: 2, weight: 4 },
      concern: { count: 0, weight: 0 },
      stand_aside: { count: 1, weight: 2 },
      objection: { count: 0, weight: 0 },
    })
    expect(result.participation).toEqual({ count: 3, weight: 6 })
  })

  it('counts abstentions in participation', () => {
    const result = tally('vote', [
      { choice: 'yes', weight: 1 },
      { choice: 'abstain', weight: 5 },
    ])
    expect(result.participation).toEqual({ count: 2, weight: 6 })
    expect(result.perChoice.abstain).toEqual({ count: 1, weight: 5 })
  })

  it('is all zeros without ballots', () => {
    expect(tally('vote', []).participation).toEqual({ count: 0, weight: 0 })
  })

  it('refuses an answer the kind does not have', () => {
    expect(() => tally('vote', [{ choice: 'objection', weight: 1 }])).toThrow(/not an answer/)
  })
})
