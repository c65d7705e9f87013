import { Hono } from 'hono'
import type { ContentJson } from '../content/build-content.ts'
import { fail } from '../../shared/errors.ts'
import { formatLongDate } from '../../shared/publishing/result-sentence.ts'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readDraft } from '../positions/read-draft.ts'
import { readPublication } from '../publishing/read-public.ts'
import { readablePosition, versionOf } from '../versions/read-versions.ts'
import { sendDocument, type DocumentFormat } from './present-document.ts'

function formatOf(file: string): DocumentFormat {
  return file.endsWith('.docx') ? 'docx' : 'md'
}

function stem(file: string): string {
  return file.replace(/\.(docx|md)$/, '')
}

/**
 * Downloads of a text as Word (.docx) and Markdown (.md): a version and the live draft for
 * members (the same permission as their pages), a published position for everyone.
 */
export const exportsPages = new Hono<AppEnv>()
  .get('/positions/:id/versions/:file{[0-9]+\\.(?:docx|md)}', (c) => {
    const { actor } = requirePerson(c)
    const file = c.req.param('file')
    const id = c.req.param('id')
    const number = Number(stem(file))
    if (!Number.isSafeInteger(number) || number < 1) fail('not_found')
    const position = readablePosition(c.get('deps'), actor, id)
    const v = versionOf(c.get('deps'), actor, id, number)
    return sendDocument(
      c,
      {
        title: position.title,
        content: JSON.parse(v.content),
        label: `${c.get('t')('publishing.version')} ${v.number}`,
        hash: v.hash,
        at: v.created_at,
        fileName: `${position.slug}-${c.get('t')('publishing.version').toLowerCase()}-${v.number}`,
      },
      formatOf(file),
    )
  })
  .get('/positions/:id/:file{draft\\.(?:docx|md)}', async (c) => {
    const { actor } = requirePerson(c)
    const deps = c.get('deps')
    const position = readablePosition(deps, actor, c.req.param('id'))
    const draft = await readDraft(deps, position)
    return sendDocument(
      c,
      {
        title: position.title,
        content: (JSON.parse(draft.json) as { content: ContentJson }).content,
        label: c.get('t')('exchange.draft_label'),
        hash: null,
        at: deps.now(),
        fileName: `${position.slug}-${c.get('t')('exchange.draft_file')}`,
      },
      formatOf(c.req.param('file')),
    )
  })
  .get('/p/:file{[a-z0-9-]+\\.(?:docx|md)}', (c) => {
    const file = c.req.param('file')
    const { row } = readPublication(c.get('deps'), stem(file))
    const t = c.get('t')
    return sendDocument(
      c,
      {
        title: row.title,
        content: JSON.parse(row.content),
        label: `${t('publishing.version')} ${row.version_number}`,
        hash: row.version_hash,
        at: row.published_at,
        fileName: row.slug,
        note: row.withdrawn_at === null ? null : t('publishing.withdrawn_title', { date: formatLongDate(row.withdrawn_at, c.get('locale')) }),
      },
      formatOf(file),
    )
  })
