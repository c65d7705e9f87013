import { describe, expect, it } from 'vitest'
import { translator } from '../../../shared/i18n/index.ts'
import { resultBar } from '../../../shared/publishing/result-bar.ts'
import { participationText, publishedResultOfRound, resultSentence, type PublishedResult } from '../../../shared/publishing/result-sentence.ts'
import type { RoundResult } from '../../../shared/rules/outcome.ts'

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
  it('says how a consent round adopted a position, in German, with counts and weight told apart', () => {
    expect(resultSentence(consent(), translator('de'))).toBe(
      'Im Konsens beschlossen am 3. März 2027: 25 von 31 Initiativen haben zugestimmt, davon 2 mit Bedenken. Beteiligung: 25 von 31 Initiativen (81\u00a0% des Stimmgewichts)',
    )
  })

  it('says the same in English', () => {
    expect(resultSentence(consent(), translator('en'))).toBe(
      'Adopted by consent on 3 March 2027: 25 of 31 initiatives consented, 2 of them with concerns. Participation: 25 of 31 initiatives (81% of the vote weight)',
    )
  })

  it('uses the plural rules of the language: one stand-aside, one abstention, one initiative', () => {
    const text = resultSentence(
      consent({ tally: { consent: { count: 1, weight: 1 }, stand_aside: { count: 1, weight: 1 } }, eligible: { count: 3, weight: 3 }, participation: 2 / 3 }),
      translator('de'),
    )
    expect(text).toBe(
      'Im Konsens beschlossen am 3. März 2027: 1 von 3 Initiativen hat zugestimmt, 1 ist beiseitegetreten. Beteiligung: 2 von 3 Initiativen (67\u00a0% des Stimmgewichts)',
    )
    const one = vote({ tally: { yes: { count: 1, weight: 1 }, no: { count: 0, weight: 0 }, abstain: { count: 1, weight: 1 } }, eligible: { count: 1, weight: 1 } })
    expect(resultSentence(one, translator('en'))).toContain('1 yes, 0 no, 1 abstention.')
    expect(resultSentence(one, translator('de'))).toContain('1 Ja, 0 Nein, 1 Enthaltung.')
    expect(resultSentence(one, translator('de'))).toContain('von 1 Initiative (')
    expect(resultSentence(vote(), translator('en'))).toContain('3 abstentions')
  })

  it('talks about members when persons voted, without a vote weight', () => {
    const text = resultSentence(consent({ electorate: 'members' }), translator('de'))
    expect(text).toContain('25 von 31 Mitgliedern haben zugestimmt')
    expect(text).toContain('Beteiligung: 25 von 31 Mitgliedern (81\u00a0%)')
  })

  it('uses the date in the alliance time zone, not UTC', () => {
    // 23:30 UTC on 3 March is already 4 March in Berlin.
    expect(resultSentence(consent({ closedAt: Date.parse('2027-03-03T23:30:00Z') }), translator('de'))).toContain('am 4. März 2027')
  })

  it('lists yes, no and abstentions of a vote with its majority', () => {
    expect(resultSentence(vote(), translator('de'))).toBe(
      'Mit einfacher Mehrheit beschlossen am 3. März 2027: 20 Ja, 5 Nein, 3 Enthaltungen. Beteiligung: 28 von 31 Initiativen (90\u00a0% des Stimmgewichts)',
    )
    expect(resultSentence(vote({ majority: 'two_thirds' }), translator('en'))).toBe(
      'Adopted by two-thirds majority on 3 March 2027: 20 yes, 5 no, 3 abstentions. Participation: 28 of 31 initiatives (90% of the vote weight)',
    )
  })

  it('puts the weights that decided first and says which list counts what, when they differ', () => {
    const text = resultSentence(
      vote({ tally: { yes: { count: 2, weight: 5 }, no: { count: 3, weight: 3 }, abstain: { count: 1, weight: 1 } } }),
      translator('de'),
    )
    expect(text).toContain(': nach Stimmgewicht 5 Ja, 3 Nein, 1 Enthaltung; nach Anzahl 2 Ja, 3 Nein, 1 Enthaltung. Beteiligung: 6 von 31 Initiativen')
  })

  it('describes rounds that did not adopt', () => {
    expect(resultSentence(consent({ outcome: 'rejected', tally: { objection: { count: 2, weight: 2 } } }), translator('de'))).toMatch(
      /^In der Konsensrunde am 3\. März 2027 wegen eines Einwands nicht beschlossen: 0 von 31 Initiativen haben zugestimmt, 2 Einwände\./,
    )
    expect(resultSentence(vote({ outcome: 'no_quorum' }), translator('en'))).toMatch(/^Not adopted on 3 March 2027 because too few took part: /)
  })

  it('never shows more than 100 % or a broken number', () => {
    expect(resultSentence(consent({ participation: 1.2 }), translator('en'))).toContain('(100% of the vote weight)')
    expect(resultSentence(consent({ participation: Number.NaN }), translator('en'))).toContain('(0% of the vote weight)')
  })
})

describe('one wording for the round page and the publication', () => {
  it('gives the same sentence for a round result as for its publication', () => {
    const round: RoundResult = {
      kind: 'consent',
      majority: null,
      quorum: 0.5,
      electorate: { count: 7, weight: 8 },
      tally: { consent: { count: 3, weight: 3 }, concern: { count: 1, weight: 2 }, stand_aside: { count: 2, weight: 2 }, objection: { count: 0, weight: 0 } },
      participation: { count: 6, weight: 7 },
      quorumMet: true,
      outcome: 'adopted',
    }
    const text = resultSentence(publishedResultOfRound(round, 'initiatives', march3), translator('de'))
    expect(text).toBe(
      'Im Konsens beschlossen am 3. März 2027: 4 von 7 Initiativen haben zugestimmt, davon 1 mit Bedenken, 2 sind beiseitegetreten. Beteiligung: 6 von 7 Initiativen (88\u00a0% des Stimmgewichts)',
    )
  })

  it('says participation as voters counted and share of weight', () => {
    expect(participationText({ count: 6, weight: 6 }, { count: 7, weight: 8 }, 'initiatives', translator('de'))).toBe('Beteiligung: 6 von 7 Initiativen (75\u00a0% des Stimmgewichts)')
    expect(participationText({ count: 1, weight: 1 }, { count: 1, weight: 1 }, 'members', translator('en'))).toBe('Participation: 1 of 1 member (100%)')
  })
})

describe('resultBar', () => {
  it('gives every answer a share of the whole weight, a pattern and words, and adds those who did not answer', () => {
    const { segments, summary } = resultBar(publishedResultOfRound(
      {
        kind: 'vote', majority: 'simple', quorum: 0.5, electorate: { count: 4, weight: 10 },
        tally: { yes: { count: 2, weight: 6 }, no: { count: 1, weight: 1 }, abstain: { count: 0, weight: 0 } },
        participation: { count: 3, weight: 7 }, quorumMet: true, outcome: 'adopted',
      },
      'initiatives',
      march3,
    ), translator('de'))
    expect(segments.map((s) => [s.key, s.share, s.pattern])).toEqual([
      ['yes', 0.6, 'solid'],
      ['no', 0.1, 'cross'],
      ['abstain', 0, 'dots'],
      ['missing', 0.3, 'empty'],
    ])
    expect(new Set(segments.map((s) => s.pattern)).size).toBe(4)
    expect(summary).toBe(
      'Antworten nach Stimmgewicht: Ja: 2 (Stimmgewicht 6, 60\u00a0%); Nein: 1 (Stimmgewicht 1, 10\u00a0%); Enthaltung: 0 (Stimmgewicht 0, 0\u00a0%); Nicht geantwortet: 1 (Stimmgewicht 3, 30\u00a0%)',
    )
  })

  it('uses colours with at least 3:1 contrast to white', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    for (const kind of ['consent', 'vote'] as const) {
      const { segments } = resultBar({ ...consent(), kind, tally: {} }, translator('de'))
      for (const s of segments) expect(1.05 / (luminance(s.color) + 0.05)).toBeGreaterThanOrEqual(3)
    }
  })
})
