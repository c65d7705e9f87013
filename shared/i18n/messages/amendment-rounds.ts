// Amendment rounds as rounds: their kind in the words of any round (notifications), cancelling
// one, and each amendment's outcome in a result notification.
export const de = {
  'rounds.kind.amendments': 'Abstimmung über Änderungsanträge',
  'rounds.kind.amendments.inline': 'Abstimmung über Änderungsanträge',
  'amendments.round.cancelled': 'Abgebrochen, ohne Ergebnis',
  'amendments.round.cancel.hint': 'Die Runde endet ohne Ergebnis, abgegebene Antworten zählen nicht. Die Änderungsanträge sind danach wieder offen.',
  'amendments.round.in_round_heading': 'Änderungsanträge dieser Runde',
  'amendments.round.outcome_item': '{label}: {outcome}',
  // "Noch zu entscheiden": the title around the position's title (kept apart for its lang attribute).
  'amendments.round.awaiting_title_before': 'Abstimmung über Änderungsanträge zu „',
  'amendments.round.awaiting_title_after': '“',
  'amendments.round.split_refused': 'In einer Abstimmung über Änderungsanträge lässt sich eine Stimme nicht teilen: Jede Initiative antwortet mit ihrem ganzen Stimmgewicht.',
} as const

export const en: Record<keyof typeof de, string> = {
  'rounds.kind.amendments': 'Vote on amendments',
  'rounds.kind.amendments.inline': 'vote on amendments',
  'amendments.round.cancelled': 'Cancelled, without a result',
  'amendments.round.cancel.hint': 'The round ends without a result; answers given do not count. The amendments are open again afterwards.',
  'amendments.round.in_round_heading': 'Amendments of this round',
  'amendments.round.outcome_item': '{label}: {outcome}',
  'amendments.round.awaiting_title_before': 'Vote on amendments to “',
  'amendments.round.awaiting_title_after': '”',
  'amendments.round.split_refused': 'A vote on amendments cannot be split: each initiative answers with its whole vote weight.',
}
