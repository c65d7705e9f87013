import { describe, expect, it } from 'vitest'
import { mergeOrder, type PendingMerge } from '../../../server/amendments/merge-order.ts'

const taken = (number: number): PendingMerge => ({ id: `a${number}`, number, roundId: null, ord: null, ordered: false })
const voted = (number: number, roundId: string, ord: number, ordered: boolean): PendingMerge => ({ id: `a${number}`, number, roundId, ord, ordered })

describe('the order in which waiting amendments are merged', () => {
  it('is by number when nobody set an order', () => {
    expect(mergeOrder([taken(3), taken(1), voted(2, 'r', 1, false), voted(4, 'r', 0, false)])).toEqual(['a1', 'a2', 'a3', 'a4'])
  })

  it('keeps the order the coordinator set for a round, in the places the numbers give its amendments', () => {
    // Round r ordered Ä5 before Ä2; Ä1 and Ä3 were taken over.
    expect(mergeOrder([taken(1), voted(2, 'r', 1, true), taken(3), voted(5, 'r', 0, true)])).toEqual(['a1', 'a5', 'a3', 'a2'])
  })

  it('keeps two ordered rounds apart', () => {
    expect(mergeOrder([voted(1, 'r', 1, true), voted(2, 's', 1, true), voted(3, 'r', 0, true), voted(4, 's', 0, true)])).toEqual(['a3', 'a4', 'a1', 'a2'])
  })

  it('is empty for nothing', () => {
    expect(mergeOrder([])).toEqual([])
  })
})
