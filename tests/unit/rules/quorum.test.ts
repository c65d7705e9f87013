import { describe, expect, it } from 'vitest'
import { quorumMet, quorumToBasisPoints } from '../../../shared/rules/quorum.ts'

describe('quorum', () => {
  it.each([
    // cast, electorate, quorum, met?
    [5, 10, 0.5, true], // exactly at the border
    [4, 10, 0.5, false],
    [55, 100, 0.55, true], // 0.55 × 100 is 55.00000000000001 in floats; exactly 55 % must be enough
    [54, 100, 0.55, false],
    [7, 100, 0.07, true], // 0.07 × 100 = 7.000000000000001 in floats
    [3, 10, 0.3, true],
    [1, 3, 1 / 3, true], // 1/3 rounds to 3333 bp, 1 of 3 is 33.33 %
    [0, 10, 0, true], // no quorum required
    [10, 10, 1, true],
    [9, 10, 1, false],
    [0, 0, 0.5, true], // empty electorate: nothing is missing (opening refuses empty electorates)
    [34, 100, 0.3333, true],
    [33, 100, 0.3333, false],
  ])('%i of %i with quorum %d → %s', (cast, electorate, quorum, met) => {
    expect(quorumMet(cast, electorate, quorumToBasisPoints(quorum))).toBe(met)
  })

  it('rounds the quorum to whole basis points', () => {
    expect(quorumToBasisPoints(0.5)).toBe(5000)
    expect(quorumToBasisPoints(0.12345)).toBe(1235)
    expect(quorumToBasisPoints(1)).toBe(10000)
  })

  it.each([-0.1, 1.01, Number.NaN, Number.POSITIVE_INFINITY])('refuses the quorum %d', (q) => {
    expect(() => quorumToBasisPoints(q)).toThrow(RangeError)
  })

  it('refuses fractional or negative weights', () => {
    expect(() => quorumMet(1.5, 10, 5000)).toThrow(RangeError)
    expect(() => quorumMet(1, -1, 5000)).toThrow(RangeError)
  })
})
