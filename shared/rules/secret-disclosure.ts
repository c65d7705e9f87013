import { choicesFor, type Choice } from './choices.ts'
import { majorityReached } from './majority.ts'
import type { RoundResult } from './outcome.ts'
import { totalsOf } from './tally.ts'

/**
 * How much of a secret round's result may be shown:
 * - `full`: ballots and weight per answer;
 * - `counts`: ballots per answer, no weights;
 * - `outcome`: only the outcome, the quorum and the participation (which is public anyway:
 *   who took part in a secret round is known, only what they answered is not).
 */
export const DISCLOSURES = ['full', 'counts', 'outcome'] as const
export type Disclosure = (typeof DISCLOSURES)[number]

/** What the rule needs of a closed round's result. */
export type DisclosureInput = Pick<RoundResult, 'kind' | 'majority' | 'electorate' | 'tally' | 'outcome'> & Pick<Partial<RoundResult>, 'splits'>

/**
 * Above this many partial sums per step the rule stops looking and shows only the outcome:
 * it must finish quickly for any electorate, and when in doubt secrecy wins.
 */
const MAX_STATES = 50_000

/**
 * The most a secret round's result may show without identifying how an initiative answered.
 *
 * The rule: a figure may be shown only if it tells nothing about any single voter beyond what
 * the number of ballots per answer tells in an unweighted secret ballot, namely "each voter gave
 * one of the answers somebody gave". The reader is assumed to know every weight and who took
 * part (both are visible in the app). Voters of equal weight are interchangeable, so for each
 * weight we ask: which answers could a voter of this weight have given, given what is shown?
 * If, for some weight, that is fewer than all answers that were given, the figures would
 * single out (or narrow down) the answer of the initiatives with that weight. Example: weights
 * 2, 1, 1 and "yes: 1 ballot, weight 2; no: 2 ballots, weight 2" says the weight-2 initiative
 * voted yes. Then the next coarser level is tried: counts without weights (but the outcome of
 * a vote still depends on the weights, so "1 yes, 2 no, adopted" can say the same), and
 * finally the outcome alone, which every round must show (what the outcome alone reveals
 * is inherent to weighted voting; the open-round form warns about it).
 *
 * A unanimous round shows everything: every secret ballot shows that, weighted or not.
 * Without differing weights the counts are all there is, so `full` is always safe.
 */
export function secretDisclosure(result: DisclosureInput, participantWeights: readonly number[]): Disclosure {
  // A split ballot breaks the premise that each voter gave one answer with all its weight, and
  // only initiatives with a weight above 1 can split: any figure could narrow down how one of
  // them divided its vote. Only the outcome is shown (and not that a split happened).
  if ((result.splits ?? 0) > 0) return 'outcome'
  const classes = weightClasses(participantWeights)
  const choices = choicesFor(result.kind)
  const given = choices.map((c) => totalsOf(result.tally, c).count > 0)
  if (classes.length <= 1 || given.filter(Boolean).length <= 1) return 'full'
  const givenMask = given.reduce((mask, g, i) => (g ? mask | (1 << i) : mask), 0)
  const tooLarge = classes.some((k) => splitCount(k.size, choices.length) > MAX_STATES)
  const safe = (level: 'full' | 'counts') => {
    if (tooLarge) return false
    const problem = new Problem(level, result, choices, classes)
    return classes.every((_, j) => problem.possibleAnswers(j) === givenMask)
  }
  if (safe('full')) return 'full'
  // Counts alone can be shuffled among voters at will; only a vote's weighted majority ties
  // them to weights. Consent rounds and missed quorums need no search.
  if (result.kind !== 'vote' || result.outcome === 'no_quorum' || safe('counts')) return 'counts'
  return 'outcome'
}

interface WeightClass {
  weight: number
  size: number
}

/** How many ways `n` voters can split over `parts` answers: (n + parts − 1) choose (parts − 1). */
function splitCount(n: number, parts: number): number {
  let ways = 1
  for (let k = 1; k < parts; k++) ways = (ways * (n + k)) / k
  return ways
}

function weightClasses(weights: readonly number[]): WeightClass[] {
  const sizes = new Map<number, number>()
  for (const w of weights) sizes.set(w, (sizes.get(w) ?? 0) + 1)
  return [...sizes].map(([weight, size]) => ({ weight, size })).sort((a, b) => b.size - a.size)
}

/** All ways to split `n` voters over `parts` answers (how many give each answer). */
function splits(n: number, parts: number): number[][] {
  if (parts === 1) return [[n]]
  const out: number[][] = []
  for (let first = 0; first <= n; first++) for (const rest of splits(n - first, parts - 1)) out.push([first, ...rest])
  return out
}

/**
 * One question: which assignments of the participants (by weight class) to answers produce
 * exactly what `level` shows? A state is the partial sums after some classes: ballots per
 * answer, plus weight per answer (`full`) or the yes and no weight that decide a vote
 * (`counts`). Partial sums never exceed the shown totals, which keeps the state space small.
 */
class Problem {
  private readonly counts: number[]
  private readonly weights: number[]
  private readonly yes: number
  private readonly no: number
  private readonly splits: number[][][]

  constructor(
    private readonly level: 'full' | 'counts',
    private readonly result: DisclosureInput,
    private readonly choices: readonly Choice[],
    private readonly classes: readonly WeightClass[],
  ) {
    this.counts = choices.map((c) => totalsOf(result.tally, c).count)
    this.weights = choices.map((c) => totalsOf(result.tally, c).weight)
    this.yes = choices.indexOf('yes')
    this.no = choices.indexOf('no')
    this.splits = classes.map((k) => splits(k.size, choices.length))
  }

  /** Bit mask of the answers a voter of class `j` could have given; all bits when unsure. */
  possibleAnswers(j: number): number {
    // state key → (numbers, answers used by class j so far, as a mask)
    let states = new Map<string, { sums: number[]; mask: number }>([[this.key(this.zero(), 0), { sums: this.zero(), mask: 0 }]])
    for (let i = 0; i < this.classes.length; i++) {
      const { weight } = this.classes[i]!
      const next = new Map<string, { sums: number[]; mask: number }>()
      for (const { sums, mask } of states.values()) {
        for (const split of this.splits[i]!) {
          const moved = this.add(sums, split, weight)
          if (!moved) continue
          const used = i === j ? split.reduce((m, n, c) => (n > 0 ? m | (1 << c) : m), 0) : mask
          next.set(this.key(moved, used), { sums: moved, mask: used })
          if (next.size > MAX_STATES) return -1 // no answer in time: matches no mask, so less is shown
        }
      }
      states = next
    }
    let possible = 0
    for (const { sums, mask } of states.values()) if (this.matches(sums)) possible |= mask
    return possible
  }

  private zero(): number[] {
    return new Array<number>(this.level === 'full' ? 2 * this.choices.length : this.choices.length + 2).fill(0)
  }

  private key(sums: number[], mask: number): string {
    return `${sums.join(',')}|${mask}`
  }

  /** The sums after a class splits as given, or null when they overshoot what is shown. */
  private add(sums: number[], split: number[], weight: number): number[] | null {
    const out = sums.slice()
    const n = this.choices.length
    for (let c = 0; c < n; c++) {
      const k = split[c]!
      if (k === 0) continue
      out[c]! += k
      if (out[c]! > this.counts[c]!) return null
      if (this.level === 'full') {
        out[n + c]! += k * weight
        if (out[n + c]! > this.weights[c]!) return null
      } else if (c === this.yes) out[n]! += k * weight
      else if (c === this.no) out[n + 1]! += k * weight
    }
    return out
  }

  private matches(sums: number[]): boolean {
    const n = this.choices.length
    for (let c = 0; c < n; c++) if (sums[c] !== this.counts[c]) return false
    if (this.level === 'full') {
      for (let c = 0; c < n; c++) if (sums[n + c] !== this.weights[c]) return false
      return true
    }
    // Counts without weights, next to the outcome. Consent and a missed quorum do not depend
    // on how the weights split (the participation weight is fixed); a vote's majority does.
    if (this.result.kind !== 'vote' || this.result.outcome === 'no_quorum' || !this.result.majority) return true
    const adopted = majorityReached(this.result.majority, { yes: sums[n]!, no: sums[n + 1]! }, this.result.electorate.weight)
    return adopted === (this.result.outcome === 'adopted')
  }
}

/** Per answer as shown: `weight` only where the weights may be shown. */
export type ShownTally = Partial<Record<Choice, { count: number; weight?: number }>>

/** A closed round's result as it may be shown to anyone (page, API, publication). */
export interface ShownResult extends Omit<RoundResult, 'tally' | 'disclosure'> {
  disclosure: Disclosure
  /** null when only the outcome may be shown. */
  tally: ShownTally | null
}

/** Cuts a result down to what `disclosure` allows. */
export function showResult(result: RoundResult, disclosure: Disclosure): ShownResult {
  const { tally, disclosure: _stored, splits, ...whole } = result
  // Whether anybody split is shown where everything is shown (open rounds, `full`).
  const rest = disclosure === 'full' && splits !== undefined ? { ...whole, splits } : whole
  if (disclosure === 'outcome') return { ...rest, disclosure, tally: null }
  const shown: ShownTally = {}
  for (const [choice, totals] of Object.entries(tally) as Array<[Choice, { count: number; weight: number }]>) {
    shown[choice] = disclosure === 'full' ? { count: totals.count, weight: totals.weight } : { count: totals.count }
  }
  return { ...rest, disclosure, tally: shown }
}
