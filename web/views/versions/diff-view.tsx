import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { DiffBlock, DiffPart } from '../../../shared/diff/block-diff.ts'
import { diffStats } from '../../../shared/diff/block-diff.ts'
import type { MessageKey, Translate } from '../../../shared/i18n/index.ts'

/**
 * Insertions are <ins> (underlined, "+"), deletions <del> (struck through, "−"): the marks do not
 * depend on colour, and screen readers hear "eingefügt:" / "gestrichen:" before each change.
 */
function Part({ t, part }: { t: Translate; part: DiffPart }) {
  if (part.op === 'equal') return <>{part.text}</>
  if (part.op === 'insert') {
    return (
      <ins>
        <span class="visually-hidden">{t('diff.ins.label')} </span>
        <span class="diff-mark" aria-hidden="true">
          +
        </span>
        {part.text}
      </ins>
    )
  }
  return (
    <del>
      <span class="visually-hidden">{t('diff.del.label')} </span>
      <span class="diff-mark" aria-hidden="true">
        −
      </span>
      {part.text}
    </del>
  )
}

function Block({ t, block }: { t: Translate; block: DiffBlock }) {
  const classes = ['diff-block', `diff-${block.status}`]
  if (block.type === 'heading') classes.push('diff-heading')
  if (block.context.includes('listItem')) classes.push('diff-in-list')
  if (block.context.includes('blockquote')) classes.push('diff-in-quote')
  // Whole blocks that appear or disappear are marked as a whole, their words are not repeated.
  const parts = block.parts
  return (
    <div class={classes.join(' ')}>
      {block.status === 'equal' ? null : <p class="diff-label">{t(`diff.block.${block.status}` as MessageKey)}</p>}
      <p class="diff-text" lang={CONTENT_LOCALE}>
        {block.context.includes('listItem') ? (
          <span class="diff-bullet" aria-hidden="true">
            •{' '}
          </span>
        ) : null}
        {parts.map((part) => (
          <Part t={t} part={part} />
        ))}
      </p>
    </div>
  )
}

export function DiffLegend({ t }: { t: Translate }) {
  return (
    <p class="diff-legend hint">
      {t('diff.legend')}{' '}
      <ins>
        <span class="diff-mark" aria-hidden="true">
          +
        </span>
        {t('diff.legend.ins')}
      </ins>{' '}
      {t('diff.legend.ins_how')},{' '}
      <del>
        <span class="diff-mark" aria-hidden="true">
          −
        </span>
        {t('diff.legend.del')}
      </del>{' '}
      {t('diff.legend.del_how')}
    </p>
  )
}

/**
 * The changes between two versions, block by block, with a one-line summary. Rendered to HTML
 * where the diff is computed (the render worker, server/render/), and embedded by the pages.
 */
export function DiffView({ t, blocks }: { t: Translate; blocks: DiffBlock[] }) {
  const stats = diffStats(blocks)
  if (stats.changed + stats.inserted + stats.deleted === 0) return <p>{t('diff.none')}</p>
  return (
    <div class="diff">
      <DiffLegend t={t} />
      <p class="diff-summary">{t('diff.summary', stats)}</p>
      {blocks.map((block) => (
        <Block t={t} block={block} />
      ))}
    </div>
  )
}
