// Import and export of texts, round results as CSV, the installation archive, the audit log.
export const de = {
  'exchange.draft_label': 'Entwurf (nicht beschlossen)',
  'exchange.draft_file': 'entwurf',
  'exchange.download': 'Herunterladen',
  'exchange.download_docx': 'als Word-Datei (.docx)',
  'exchange.download_md': 'als Markdown (.md)',
  'exchange.download_pdf': 'als PDF',
  'exchange.download_csv': 'Ergebnis als Tabelle (CSV)',
  'error.result_not_ready': 'Ein Ergebnis gibt es erst, wenn die Runde geschlossen ist (abgebrochene Runden haben keins).',
  'error.import_unreadable': 'Die Datei lässt sich nicht lesen. Lade bitte eine Word-Datei (.docx), eine Markdown-Datei (.md) oder reinen Text (.txt) hoch.',
  'error.import_too_large': 'Die Datei ist zu groß (höchstens 10 MB, entpackt höchstens 50 MB).',
  'error.draft_not_empty': 'Der Entwurf enthält schon Text. Importieren geht nur in einen leeren Entwurf oder als neue Position.',
} as const

export const en: Record<keyof typeof de, string> = {
  'exchange.draft_label': 'Draft (not adopted)',
  'exchange.draft_file': 'draft',
  'exchange.download': 'Download',
  'exchange.download_docx': 'as a Word file (.docx)',
  'exchange.download_md': 'as Markdown (.md)',
  'exchange.download_pdf': 'as PDF',
  'exchange.download_csv': 'Result as a table (CSV)',
  'error.result_not_ready': 'A result exists only once the round is closed (cancelled rounds have none).',
  'error.import_unreadable': 'The file cannot be read. Please upload a Word file (.docx), a Markdown file (.md) or plain text (.txt).',
  'error.import_too_large': 'The file is too large (at most 10 MB, at most 50 MB unpacked).',
  'error.draft_not_empty': 'The draft already has text. Import only into an empty draft or as a new position.',
}
