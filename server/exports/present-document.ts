import type { Context } from 'hono'
import { formatLongDate } from '../../shared/publishing/result-sentence.ts'
import { readAlliance } from '../alliance/read-alliance.ts'
import type { AppEnv } from '../http/app-env.ts'
import { toDocx } from './docx-export.ts'
import { toMarkdown } from './markdown-export.ts'

export type DocumentFormat = 'docx' | 'md'

/** What an exported document says about the text besides the text itself. */
export interface ExportSubject {
  title: string
  /** ProseMirror JSON. */
  content: unknown
  /** e.g. "Fassung 3", "Entwurf". */
  label: string
  /** The version's checksum; null for a draft (it has none until frozen). */
  hash: string | null
  /** When the text was frozen, published or read. */
  at: number
  /** File name without the extension. */
  fileName: string
  /** Extra line, e.g. "Zurückgezogen am …". */
  note?: string | null
}

/** The alliance's name for document headers: its profile's name, else the application's. */
export function allianceName(c: Context<AppEnv>): string {
  const { db, config } = c.get('deps')
  return readAlliance(db, config.publicUrl).name || c.get('t')('app.name')
}

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
}

/** Answers with the text as a .docx or .md download. */
export async function sendDocument(c: Context<AppEnv>, subject: ExportSubject, format: DocumentFormat): Promise<Response> {
  const t = c.get('t')
  const alliance = allianceName(c)
  const date = formatLongDate(subject.at, c.get('locale'))
  const facts = [
    `${subject.label} · ${date}`,
    ...(subject.hash ? [`${t('publishing.hash')}: ${subject.hash}`] : []),
    ...(subject.note ? [subject.note] : []),
  ]
  const front: Array<[string, string]> = [
    ['title', subject.title],
    ['alliance', alliance],
    ['text', subject.label],
    ['date', new Date(subject.at).toISOString()],
    ...(subject.hash ? ([['sha256', subject.hash]] as Array<[string, string]>) : []),
    ...(subject.note ? ([['note', subject.note]] as Array<[string, string]>) : []),
  ]
  const body =
    format === 'docx'
      ? await toDocx(subject.content, {
          alliance,
          title: subject.title,
          pageHeader: facts.join(' · '),
          creator: alliance,
          language: c.get('locale'),
        })
      : Buffer.from(toMarkdown(subject.content, { title: subject.title, facts: front }), 'utf8')
  c.header('Content-Type', CONTENT_TYPES[format])
  c.header('Content-Disposition', `attachment; filename="${subject.fileName}.${format}"`)
  c.header('Cache-Control', 'no-store')
  return c.body(new Uint8Array(body))
}
