import { describe, expect, it } from 'vitest'
import { choicesFor, type Choice, type Majority, type RoundKind } from '../../../shared/rules/choices.ts'
import { computeResult, type RoundResult } from '../../../shared/rules/outcome.ts'
import { secretDisclosure, type Disclosure } from '../../../shared/rules/secret-disclosure.ts'

interface Ballot {
  weight: number
  choice: Choice
}

function close(kind: RoundKind, ballots: Ballot[], opts: { majority?: Majority; electorateWeight?: number; quorumBp?: number } = {}): RoundResult {
  const weight = opts.electorateWeight ?? ballots.reduce((s, b) => s + b.weight, 0)
  return computeResult(
    { kind, majority: kind === 'vote' ? (opts.majority ?? 'simple') : null, quorumBp: opts.quorumBp ?? 0 },
    { count: ballots.length, weight },
    ballots,
  )
}

const b = (weight: number, choice: Choice): Ballot => ({ weight, choice })
const level = (result: RoundResult, ballots: Ballot[]) => secretDisclosure(result, ballots.map((x) => x.weight))

describe('what a secret round may show', () => {
  it('the case from the attack: one weight-2 initiative among weight-1s is not read off the table', () => {
    const ballots = [b(2, 'yes'), b(1, 'no'), b(1, 'no'), b(1, 'abstain')]
    // "yes: 1 ballot, weight 2" would say who voted yes. "1 yes, 2 no, 1 abstention, rejected"
    // does not: had any weight-1 initiative said yes, the vote would be rejected just as well.
    expect(level(close('vote', ballots), ballots)).toBe('counts')
  })

  it('shows everything when all weights are equal, as in any unweighted secret ballot', () => {
    const ballots = [b(1, 'yes'), b(1, 'yes'), b(1, 'no'), b(1, 'abstain')]
    expect(level(close('vote', ballots), ballots)).toBe('full')
    const two = [b(2, 'yes'), b(2, 'no'), b(2, 'no')]
    expect(level(close('vote', two), two)).toBe('full')
  })

  it('shows everything in a unanimous round, weighted or not', () => {
    const ballots = [b(3, 'consent'), b(1, 'consent'), b(1, 'consent')]
    expect(level(close('consent', ballots), ballots)).toBe('full')
  })

  it('shows weights when they cannot be decomposed to reveal anyone', () => {
    // yes = 2+1 or 1+2, no = 2+1: every weight could be on every side.
    const ballots = [b(2, 'yes'), b(1, 'yes'), b(2, 'no'), b(1, 'no')]
    expect(level(close('vote', ballots), ballots)).toBe('full')
  })

  it('falls back to counts in a consent round: they never depend on the weights', () => {
    const ballots = [b(2, 'objection'), b(1, 'consent'), b(1, 'consent'), b(1, 'concern')]
    const result = close('consent', ballots)
    expect(level(result, ballots)).toBe('counts')
  })

  it('shows only the outcome when counts and the weighted majority would tell the answer', () => {
    // Counts 1 yes, 2 no, adopted by simple majority: the yes must have been the weight-3 one.
    const ballots = [b(3, 'yes'), b(1, 'no'), b(1, 'no')]
    const result = close('vote', ballots)
    expect(result.outcome).toBe('adopted')
    expect(level(result, ballots)).toBe('outcome')
  })

  it('keeps counts for a vote when the outcome does not narrow anybody down', () => {
    // 4 yes, 1 no, adopted whether the weight-2 initiative is the no or a yes; the weights
    // (yes 5, no 1) would say it voted yes.
    const ballots = [b(2, 'yes'), b(1, 'yes'), b(1, 'yes'), b(1, 'yes'), b(1, 'no')]
    expect(level(close('vote', ballots), ballots)).toBe('counts')
  })

  it('a missed quorum says nothing about how weights split, so counts stay', () => {
    const ballots = [b(3, 'yes'), b(1, 'no'), b(1, 'no')]
    const result = close('vote', ballots, { electorateWeight: 40, quorumBp: 5000 })
    expect(result.outcome).toBe('no_quorum')
    expect(level(result, ballots)).toBe('counts')
  })

  it('answers quickly and conservatively for a large alliance', () => {
    const ballots: Ballot[] = []
    for (let i = 0; i < 120; i++) ballots.push(b(1, (['consent', 'concern', 'stand_aside', 'objection'] as const)[i % 4]!))
    ballots.push(b(2, 'consent'), b(2, 'objection'), b(3, 'concern'))
    expect(level(close('consent', ballots), ballots)).toBe('counts')
    const votes = ballots.map((x, i) => b(x.weight, (['yes', 'no', 'abstain'] as const)[i % 3]!))
    expect(['counts', 'outcome']).toContain(level(close('vote', votes), votes))
  })
})

// ── An independent check: brute force over every assignment of small electorates ──

function shownAs(result: RoundResult, d: 'full' | 'counts'): string {
  const choices = choicesFor(result.kind)
  const parts = choices.map((c) => (d === 'full' ? `${result.tally[c]?.count}/${result.tally[c]?.weight}` : `${result.tally[c]?.count}`))
  return `${parts.join(' ')} ${result.outcome}`
}

/** True when `d` lets no voter's answers be narrowed below "one of the answers somebody gave". */
function bruteSafe(kind: RoundKind, weights: number[], actual: Choice[], d: 'full' | 'counts', opts: { majority: Majority; ew: number }): boolean {
  const choices = choicesFor(kind)
  const real = close(kind, weights.map((w, i) => b(w, actual[i]!)), { majority: opts.majority, electorateWeight: opts.ew })
  const target = shownAs(real, d)
  const given = new Set(actual)
  const possible = weights.map(() => new Set<Choice>())
  const n = weights.length
  const total = choices.length ** n
  for (let code = 0; code < total; code++) {
    const assign: Choice[] = []
    let x = code
    for (let i = 0; i < n; i++) {
      assign.push(choices[x % choices.length]!)
      x = Math.floor(x / choices.length)
    }
    const r = close(kind, weights.map((w, i) => b(w, assign[i]!)), { majority: opts.majority, electorateWeight: opts.ew })
    if (shownAs(r, d) !== target) continue
    assign.forEach((c, i) => possible[i]!.add(c))
  }
  return possible.every((p) => p.size === given.size && [...p].every((c) => given.has(c)))
}

function oracle(kind: RoundKind, weights: number[], actual: Choice[], opts: { majority: Majority; ew: number }): Disclosure {
  if (new Set(actual).size <= 1 || new Set(weights).size <= 1) return 'full'
  if (bruteSafe(kind, weights, actual, 'full', opts)) return 'full'
  if (bruteSafe(kind, weights, actual, 'counts', opts)) return 'counts'
  return 'outcome'
}

describe('the rule agrees with brute force on small electorates', () => {
  // A fixed pseudo-random sequence: the same cases on every run.
  let seed = 12345
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return Math.floor(seed / 65536) % n
  }
  const cases: Array<{ kind: RoundKind; weights: number[]; actual: Choice[]; majority: Majority }> = []
  for (let i = 0; i < 300; i++) {
    const kind: RoundKind = rand(2) === 0 ? 'vote' : 'consent'
    const n = 2 + rand(5)
    const weights = Array.from({ length: n }, () => 1 + (rand(3) === 0 ? rand(3) : 0))
    const choices = choicesFor(kind)
    const actual = weights.map(() => choices[rand(choices.length)]!)
    cases.push({ kind, weights, actual, majority: (['simple', 'two_thirds', 'absolute'] as const)[rand(3)]! })
  }

  it('in 300 random rounds of 2 to 6 voters with weights 1 to 3', () => {
    for (const c of cases) {
      const ew = c.weights.reduce((s, w) => s + w, 0) + 1
      const ballots = c.weights.map((w, i) => b(w, c.actual[i]!))
      const result = close(c.kind, ballots, { majority: c.majority, electorateWeight: ew })
      const expected = oracle(c.kind, c.weights, c.actual, { majority: c.majority, ew })
      expect({ ...c, shown: secretDisclosure(result, c.weights) }).toEqual({ ...c, shown: expected })
    }
  })
})

describe('cutting a result down', () => {
  const result = close('vote', [b(2, 'yes'), b(1, 'no'), b(1, 'no')])
  it('keeps weights only at full, counts at counts, nothing per answer at outcome', async () => {
    const { showResult } = await import('../../../shared/rules/secret-disclosure.ts')
    expect(showResult(result, 'full').tally?.yes).toEqual({ count: 1, weight: 2 })
    expect(showResult(result, 'counts').tally?.yes).toEqual({ count: 1 })
    expect(showResult(result, 'outcome')).toMatchObject({ tally: null, outcome: result.outcome, participation: { count: 3, weight: 4 } })
  })
})
