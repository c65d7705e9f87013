/** What a round can be about, who votes in it, and which answers each kind of round has. */
export const ROUND_KINDS = ['consent', 'vote'] as const
export type RoundKind = (typeof ROUND_KINDS)[number]

export const ELECTORATES = ['initiatives', 'members'] as const
export type Electorate = (typeof ELECTORATES)[number]

export const MAJORITIES = ['simple', 'two_thirds', 'absolute'] as const
export type Majority = (typeof MAJORITIES)[number]

export const CONSENT_CHOICES = ['consent', 'concern', 'stand_aside', 'objection'] as const
export const VOTE_CHOICES = ['yes', 'no', 'abstain'] as const
export type ConsentChoice = (typeof CONSENT_CHOICES)[number]
export type VoteChoice = (typeof VOTE_CHOICES)[number]
export type Choice = ConsentChoice | VoteChoice

export const ALL_CHOICES: readonly Choice[] = [...CONSENT_CHOICES, ...VOTE_CHOICES]

/** The answers of a round kind, in the order the ballot page shows them. */
export function choicesFor(kind: RoundKind): readonly Choice[] {
  return kind === 'consent' ? CONSENT_CHOICES : VOTE_CHOICES
}

export function isChoiceOf(kind: RoundKind, choice: string): choice is Choice {
  return (choicesFor(kind) as readonly string[]).includes(choice)
}

/** An objection blocks adoption, so the others must be able to read why. */
export function needsReason(choice: Choice): boolean {
  return choice === 'objection'
}
