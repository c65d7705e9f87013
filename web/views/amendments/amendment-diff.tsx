import type { Child } from 'hono/jsx'
import { isAllowedHref } from '../../../shared/editor/link-policy.ts'
import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { PageContext } from '../layout.tsx'

/** A node of a position's text as ProseMirror JSON (already checked against the schema when stored). */
export interface PmJson {
  type: string
  attrs?: Record<string, unknown>
  content?: PmJson[]
  text?: string
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>
}

function withMarks(text: string, marks: PmJson['marks']): Child {
  let out: Child = text
  for (const mark of marks ?? []) {
    if (mark.type === 'bold') out = <strong>{out}</strong>
    else if (mark.type === 'italic') out = <em>{out}</em>
    else if (mark.type === 'link' && isAllowedHref(mark.attrs?.href)) out = <a href={mark.attrs.href} rel="noopener noreferrer nofollow">{out}</a>
  }
  return out
}

function Inline({ nodes }: { nodes: PmJson[] | undefined }) {
  return <>{(nodes ?? []).map((n) => (n.type === 'text' ? withMarks(n.text ?? '', n.marks) : n.type === 'hardBreak' ? <br /> : null))}</>
}

// Headings of the text become bold paragraphs here: inside a diff they must not enter the page's outline.
function Block({ node }: { node: PmJson }): Child {
  const inner = <>{(node.content ?? []).map((child) => <Block node={child} />)}</>
  switch (node.type) {
    case 'paragraph':
      return <p>{<Inline nodes={node.content} />}</p>
    case 'heading':
      return (
        <p>
          <strong>{<Inline nodes={node.content} />}</strong>
        </p>
      )
    case 'bulletList':
      return <ul>{inner}</ul>
    case 'orderedList':
      return <ol>{inner}</ol>
    case 'listItem':
      return <li>{inner}</li>
    case 'blockquote':
      return <blockquote>{inner}</blockquote>
    case 'horizontalRule':
      return <hr />
    default:
      return null
  }
}

const TEXTBLOCKS = new Set(['paragraph', 'heading'])
const words = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * An amendment as an inline diff: the passage struck through, the replacement inserted, both with
 * their formatting (bold, italic, links), so that a change of formatting alone shows, and is also
 * said in words. A passage and a replacement within one paragraph read inline; anything larger as
 * blocks. Without the passage's blocks (`passage`), the plain quote and text are shown.
 */
export function AmendmentDiff({ ctx, quote, text, passage, replacement }: { ctx: PageContext; quote: string; text: string; passage?: PmJson[] | undefined; replacement?: PmJson[] | undefined }) {
  const { t } = ctx
  const deletion = text === ''
  const formattingOnly = !deletion && words(quote) === words(text)
  const note = formattingOnly ? <span class="muted"> {t('amendments.formatting_only')}</span> : null
  if (!passage || !replacement) {
    return (
      <p class="amendment-diff" lang={CONTENT_LOCALE}>
        <del aria-label={t('amendments.old')}>{quote}</del> {deletion ? <em>{t('amendments.deletion')}</em> : <ins aria-label={t('amendments.new')}>{text}</ins>}
      </p>
    )
  }
  const inline = passage.length === 1 && TEXTBLOCKS.has(passage[0]!.type) && (deletion || (replacement.length === 1 && replacement[0]!.type === 'paragraph'))
  if (inline) {
    return (
      <p class="amendment-diff" lang={CONTENT_LOCALE}>
        <del aria-label={t('amendments.old')}>
          <Inline nodes={passage[0]!.content} />
        </del>{' '}
        {deletion ? (
          <em>{t('amendments.deletion')}</em>
        ) : (
          <ins aria-label={t('amendments.new')}>
            <Inline nodes={replacement[0]!.content} />
          </ins>
        )}
        {note}
      </p>
    )
  }
  return (
    <div class="amendment-diff amendment-diff-blocks" lang={CONTENT_LOCALE}>
      <del aria-label={t('amendments.old')}>
        {passage.map((node) => (
          <Block node={node} />
        ))}
      </del>
      {deletion ? (
        <p>
          <em>{t('amendments.deletion')}</em>
        </p>
      ) : (
        <ins aria-label={t('amendments.new')}>
          {replacement.map((node) => (
            <Block node={node} />
          ))}
        </ins>
      )}
      {note}
    </div>
  )
}
