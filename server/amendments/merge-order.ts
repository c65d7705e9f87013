/** What the merge order needs to know of an amendment that waits to be merged. */
export interface PendingMerge {
  id: string
  number: number
  /** The amendment round that decided it, if any, with the amendment's place in that round. */
  roundId: string | null
  ord: number | null
  /** The coordinator ordered that round's (overlapping) amendments. */
  ordered: boolean
}

/**
 * The order in which waiting amendments go into the draft: by number (Ä1 before Ä2), except that
 * the amendments of a round whose order the coordinator set keep that order among themselves
 * (they take the places their numbers give the group, in the round's order). Order matters where
 * passages overlap: what merges first wins, a later one finds its passage changed.
 */
export function mergeOrder(pending: readonly PendingMerge[]): string[] {
  const byNumber = [...pending].sort((a, b) => a.number - b.number)
  const out = byNumber.map((a) => a.id)
  const rounds = new Map<string, number[]>()
  byNumber.forEach((a, slot) => {
    if (a.ordered && a.roundId !== null && a.ord !== null) rounds.set(a.roundId, [...(rounds.get(a.roundId) ?? []), slot])
  })
  for (const slots of rounds.values()) {
    const inRoundOrder = slots.map((slot) => byNumber[slot]!).sort((a, b) => a.ord! - b.ord!)
    slots.forEach((slot, i) => (out[slot] = inRoundOrder[i]!.id))
  }
  return out
}
