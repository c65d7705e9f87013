import { describe, expect, it } from 'vitest'
import { resultSentence, type PublishedResult } from '../../../shared/publishing/result-sentence.ts'

const march3 = Date.parse('2027-03-03T15:00:00Z')

function consent(overrides: Partial<PublishedResult> = {}): PublishedResult {
  return {
    kind: 'consent',
    majority: null,
    electorate: 'initiatives',
    outcome: 'adopted',
    closedAt: march3,
    tally: { consent: { count: 23, weight: 23 }, concern: { count: 2, weight: 2 } },
    eligible: { count: 31, weight: 31 },
    participation: 25 / 31,
    ...overrides,
  }
}

function vote(overrides: Partial<PublishedResult> = {}): PublishedResult {
  return {
    kind: 'vote',
    majority: 'simple',
    electorate: 'initiatives',
    outcome: 'adopted',
    closedAt: march3,
    tally: { yes: { count: 20, weight: 20 }, no: { count: 5, weight: 5 }, abstain: { count: 3, weight: 3 } },
    eligible: { count: 31, weight: 31 },
    participation: 28 / 31,
    ...overrides,
  }
}

describe('resultSentence', () => {
  it('says how a consent round adopted a position, in German', () => {
    expect(resultSentence(consent(), 'de')).toBe(
      'Im Konsens beschlossen am 3. März 2027: 23 von 31 Initiativen haben zugestimmt, 2 mit Bedenken, Beteiligung 81\u00a0%',
    )
  })

  it('says the same in English', () => {
    expect(resultSentence(consent(), 'en')).toBe(
      'Adopted by consent on 3 March 2027: 23 of 31 initiatives consented, 2 with concerns, participation 81%',
    )
  })

  it('uses the singular for one voter and names stand-asides', () => {
    const text = resultSentence(
      consent({ tally: { consent: { count: 1, weight: 1 }, stand_aside: { count: 1, weight: 1 } }, eligible: { count: 3, weight: 3 }, participation: 2 / 3 }),
      'de',
    )
    expect(text).toBe('Im Konsens beschlossen am 3. März 2027: 1 von 3 Initiativen hat zugestimmt, 1 steht beiseite, Beteiligung 67\u00a0%')
  })

  it('talks about members when persons voted', () => {
    expect(resultSentence(consent({ electorate: 'members' }), 'de')).toContain('23 von 31 Mitgliedern haben zugestimmt')
  })

  it('uses the date in the alliance time zone, not UTC', () => {
    // 23:30 UTC on 3 March is already 4 March in Berlin.
    expect(resultSentence(consent({ closedAt: Date.parse('2027-03-03T23:30:00Z') }), 'de')).toContain('am 4. März 2027')
  })

  it('lists yes, no and abstentions of a vote with its majority', () => {
    expect(resultSentence(vote(), 'de')).toBe(
      'Mit einfacher Mehrheit beschlossen am 3. März 2027: 20 Ja, 5 Nein, 3 Enthaltungen; 28 von 31 Initiativen haben abgestimmt, Beteiligung 90\u00a0%',
    )
    expect(resultSentence(vote({ majority: 'two_thirds' }), 'en')).toBe(
      'Adopted by two-thirds majority on 3 March 2027: 20 yes, 5 no, 3 abstentions; 28 of 31 initiatives voted, participation 90%',
    )
  })

  it('adds the weights when they differ from the counts', () => {
    const text = resultSentence(
      vote({ tally: { yes: { count: 2, weight: 5 }, no: { count: 3, weight: 3 }, abstain: { count: 1, weight: 1 } } }),
      'de',
    )
    expect(text).toContain('2 Ja, 3 Nein, 1 Enthaltung; 6 von 31 Initiativen haben abgestimmt')
    expect(text).toContain('nach Stimmgewicht: 5 Ja, 3 Nein, 1 Enthaltung')
  })

  it('describes rounds that did not adopt', () => {
    expect(resultSentence(consent({ outcome: 'rejected', tally: { objection: { count: 2, weight: 2 } } }), 'de')).toMatch(
      /^In der Konsensrunde am 3\. März 2027 wegen eines Einwands nicht beschlossen: 0 von 31 Initiativen haben zugestimmt, 2 Einwände/,
    )
    expect(resultSentence(vote({ outcome: 'no_quorum' }), 'en')).toMatch(/^Not adopted on 3 March 2027 because too few took part: /)
  })

  it('never shows more than 100 % or a broken number', () => {
    expect(resultSentence(consent({ participation: 1.2 }), 'en')).toContain('participation 100%')
    expect(resultSentence(consent({ participation: Number.NaN }), 'en')).toContain('participation 0%')
  })
})
