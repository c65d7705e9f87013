// The flow of a round around the ballot: who has not answered yet, late and replacing answers,
// short notice, extending and cancelling, the visibility of answers.
export const de = {
  'error.deadline_too_soon':
    'Das Ende der Runde ist weniger als 24 Stunden entfernt. Eine so kurzfristige Runde braucht eine ausdrückliche Bestätigung mit Begründung.',
  'error.replace_unconfirmed': 'Für diese Initiative hat schon jemand anderes geantwortet. Bitte bestätige, dass du diese Antwort ersetzen willst.',
  'error.ballot_changed': 'Inzwischen hat jemand anderes für diese Initiative geantwortet. Sieh dir die aktuelle Antwort an und entscheide erneut.',

  'rounds.pending.heading': 'Noch nicht geantwortet',
  'rounds.pending.none': 'Alle haben geantwortet.',
  'rounds.pending.delegates': 'Delegierte: {names}',
  'rounds.pending.no_delegate': 'Keine Delegierten eingetragen',
  'rounds.pending.more': '… und {n} weitere',

  'rounds.late.title': 'Deine Antwort kam zu spät',
  'rounds.late.ended': 'Die Runde endete am {date}. Deine Antwort wurde nicht gezählt.',
  'rounds.late.cancelled': 'Die Runde wurde am {date} abgebrochen. Deine Antwort wurde nicht gezählt.',

  'rounds.answer.by': 'Bisherige Antwort für {voter}: {choice} – abgegeben von {name} am {date}',
  'rounds.answer.by_you': 'Bisherige Antwort für {voter}: {choice} – von dir abgegeben am {date}',
  'rounds.replace.confirm': 'Ja, ich ersetze die Antwort von {name}.',
  'rounds.replace.hint': '{name} hat für {voter} schon geantwortet. Wenn du jetzt antwortest, gilt deine Antwort statt dieser.',

  'rounds.visibility.legend': 'Wer sieht die Antworten?',
  'rounds.visibility.open': 'Offen',
  'rounds.visibility.open.hint': 'Alle sehen von Anfang an, wer was geantwortet hat. Antworten lassen sich bis zum Ende ändern.',
  'rounds.visibility.until_close': 'Verdeckt bis zum Ende',
  'rounds.visibility.until_close.hint':
    'Während die Runde läuft, sieht man nur, wer schon geantwortet hat. Was geantwortet wurde, wird erst nach dem Ende mit Namen gezeigt.',
  'rounds.visibility.secret': 'Geheim',
  'rounds.visibility.secret.hint': 'Niemand sieht je, wer was geantwortet hat. Antworten sind endgültig.',
  'rounds.page.until_close': 'Verdeckte Runde: Was geantwortet wurde, wird erst nach dem Ende mit Namen gezeigt. Du kannst deine Antwort bis zum Ende ändern.',
  'rounds.page.until_close.closed': 'Verdeckte Runde: Die Antworten waren bis zum Ende verdeckt und sind jetzt mit Namen sichtbar.',
  'rounds.page.answers_hidden': 'Was geantwortet wurde, bleibt bis zum Ende der Runde verdeckt.',

  'rounds.short_notice.legend': 'Kurzfristige Runde (Ende in weniger als 24 Stunden)',
  'rounds.short_notice.label': 'Ja, die Runde soll so kurzfristig enden.',
  'rounds.short_notice.hint': 'Nur wenn es wirklich eilt. Die Begründung sehen alle Stimmberechtigten.',
  'rounds.short_notice.reason': 'Warum so kurzfristig?',
  'rounds.short_notice.reason_required': 'Bitte begründe, warum die Runde so kurzfristig endet.',
  'rounds.short_notice.shown': 'Kurzfristige Runde. Begründung: {reason}',

  'rounds.quorum.words':
    'Damit das Ergebnis gilt, müssen {who} mit zusammen mindestens {quorum} des Stimmgewichts antworten (Enthaltungen zählen mit).',
  'rounds.quorum.words.none': 'Es gibt kein Quorum: Das Ergebnis gilt, wie viele auch antworten.',
  'rounds.quorum.who.initiatives': 'Initiativen',
  'rounds.quorum.who.members': 'Mitglieder',

  'rounds.extend.heading': 'Frist verlängern',
  'rounds.extend.closes_at': 'Neues Ende',
  'rounds.extend.reason': 'Begründung',
  'rounds.extend.reason.hint': 'Alle sehen sie auf dieser Seite.',
  'rounds.extend.submit': 'Frist verlängern',
  'rounds.extend.later': 'Das neue Ende muss nach dem bisherigen liegen.',
  'rounds.extend.reason_required': 'Bitte begründe die Verlängerung.',
  'rounds.extend.item': 'Verlängert am {at} von {name}: vom {from} auf den {to}. Begründung: {reason}',
  'rounds.extend.list': 'Verlängerungen',

  'rounds.cancel.heading': 'Runde abbrechen',
  'rounds.cancel.hint': 'Die Runde endet ohne Ergebnis, abgegebene Antworten zählen nicht. Der Entwurf kann danach wieder bearbeitet werden.',
  'rounds.cancel.reason': 'Begründung',
  'rounds.cancel.confirm': 'Ja, die Runde soll ohne Ergebnis enden.',
  'rounds.cancel.submit': 'Runde abbrechen',
  'rounds.cancel.unconfirmed': 'Die Runde läuft weiter: Bitte bestätige zuerst, dass sie abgebrochen werden soll.',
  'rounds.cancel.reason_required': 'Bitte begründe, warum die Runde abgebrochen wird.',
  'rounds.cancelled': 'Abgebrochen am {date} von {name}, ohne Ergebnis. Begründung: {reason}',
  'rounds.cancelled.short': 'abgebrochen am {date}, ohne Ergebnis',

  'rounds.majority.legend': 'Nur bei Abstimmungen',
  'rounds.hash.what': 'Was ist das?',
} as const

export const en: Record<keyof typeof de, string> = {
  'error.deadline_too_soon': 'The round ends in less than 24 hours. A round at such short notice needs an explicit confirmation with a reason.',
  'error.replace_unconfirmed': 'Somebody else has already answered for this initiative. Please confirm that you want to replace that answer.',
  'error.ballot_changed': 'Meanwhile somebody else has answered for this initiative. Look at the current answer and decide again.',

  'rounds.pending.heading': 'Not answered yet',
  'rounds.pending.none': 'Everybody has answered.',
  'rounds.pending.delegates': 'Delegates: {names}',
  'rounds.pending.no_delegate': 'No delegates named',
  'rounds.pending.more': '… and {n} more',

  'rounds.late.title': 'Your answer came too late',
  'rounds.late.ended': 'The round ended on {date}. Your answer was not counted.',
  'rounds.late.cancelled': 'The round was cancelled on {date}. Your answer was not counted.',

  'rounds.answer.by': 'Current answer for {voter}: {choice} – given by {name} on {date}',
  'rounds.answer.by_you': 'Current answer for {voter}: {choice} – given by you on {date}',
  'rounds.replace.confirm': 'Yes, I replace the answer of {name}.',
  'rounds.replace.hint': '{name} has already answered for {voter}. If you answer now, your answer counts instead.',

  'rounds.visibility.legend': 'Who sees the answers?',
  'rounds.visibility.open': 'Open',
  'rounds.visibility.open.hint': 'Everybody sees from the start who answered what. Answers can be changed until the end.',
  'rounds.visibility.until_close': 'Hidden until the end',
  'rounds.visibility.until_close.hint': 'While the round runs, only who has answered is visible. What they answered is shown, with names, once it has ended.',
  'rounds.visibility.secret': 'Secret',
  'rounds.visibility.secret.hint': 'Nobody ever sees who answered what. Answers are final.',
  'rounds.page.until_close': 'Hidden round: what was answered is shown, with names, once the round has ended. You can change your answer until the end.',
  'rounds.page.until_close.closed': 'Hidden round: the answers were hidden until the end and are now shown with names.',
  'rounds.page.answers_hidden': 'What was answered stays hidden until the round ends.',

  'rounds.short_notice.legend': 'Short-notice round (ends in less than 24 hours)',
  'rounds.short_notice.label': 'Yes, the round shall end at such short notice.',
  'rounds.short_notice.hint': 'Only when it is really urgent. Everybody entitled to vote sees the reason.',
  'rounds.short_notice.reason': 'Why at such short notice?',
  'rounds.short_notice.reason_required': 'Please say why the round ends at such short notice.',
  'rounds.short_notice.shown': 'Short-notice round. Reason: {reason}',

  'rounds.quorum.words': 'For the result to count, {who} holding together at least {quorum} of the voting weight must answer (abstentions count).',
  'rounds.quorum.words.none': 'There is no quorum: the result counts however many answer.',
  'rounds.quorum.who.initiatives': 'initiatives',
  'rounds.quorum.who.members': 'members',

  'rounds.extend.heading': 'Extend the deadline',
  'rounds.extend.closes_at': 'New end',
  'rounds.extend.reason': 'Reason',
  'rounds.extend.reason.hint': 'Everybody sees it on this page.',
  'rounds.extend.submit': 'Extend the deadline',
  'rounds.extend.later': 'The new end must be after the current one.',
  'rounds.extend.reason_required': 'Please give a reason for the extension.',
  'rounds.extend.item': 'Extended on {at} by {name}: from {from} to {to}. Reason: {reason}',
  'rounds.extend.list': 'Extensions',

  'rounds.cancel.heading': 'Cancel the round',
  'rounds.cancel.hint': 'The round ends without a result; answers given do not count. The draft can be edited again afterwards.',
  'rounds.cancel.reason': 'Reason',
  'rounds.cancel.confirm': 'Yes, the round shall end without a result.',
  'rounds.cancel.submit': 'Cancel the round',
  'rounds.cancel.unconfirmed': 'The round goes on: please confirm first that it shall be cancelled.',
  'rounds.cancel.reason_required': 'Please say why the round is cancelled.',
  'rounds.cancelled': 'Cancelled on {date} by {name}, without a result. Reason: {reason}',
  'rounds.cancelled.short': 'cancelled on {date}, without a result',

  'rounds.majority.legend': 'Votes only',
  'rounds.hash.what': 'What is this?',
}
