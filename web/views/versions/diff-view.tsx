import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { DiffBlock, DiffPart } from '../../../shared/diff/block-diff.ts'
import { diffStats } from '../../../shared/diff/block-diff.ts'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import type { PageContext } from '../layout.tsx'

/**
 * Insertions are <ins> (underlined, "+"), deletions <del> (struck through, "−"): the marks do not
 * depend on colour, and screen readers hear "eingefügt:" / "gestrichen:" before each change.
 */
function Part({ ctx, part }: { ctx: PageContext; part: DiffPart }) {
  if (part.op === 'equal') return <>{part.text}</>
  if (part.op === 'insert') {
    return (
      <ins>
        <span class="visually-hidden">{ctx.t('diff.ins.label')} </span>
        <span class="diff-mark" aria-hidden="true">
          +
        </span>
        {part.text}
      </ins>
    )
  }
  return (
    <del>
      <span class="visually-hidden">{ctx.t('diff.del.label')} </span>
      <span class="diff-mark" aria-hidden="true">
        −
      </span>
      {part.text}
    </del>
  )
}

function Block({ ctx, block }: { ctx: PageContext; block: DiffBlock }) {
  const classes = ['diff-block', `diff-${block.status}`]
  if (block.type === 'heading') classes.push('diff-heading')
  if (block.context.includes('listItem')) classes.push('diff-in-list')
  if (block.context.includes('blockquote')) classes.push('diff-in-quote')
  // Whole blocks that appear or disappear are marked as a whole, their words are not repeated.
  const parts = block.parts
  return (
    <div class={classes.join(' ')}>
      {block.status === 'equal' ? null : <p class="diff-label">{ctx.t(`diff.block.${block.status}` as MessageKey)}</p>}
      <p class="diff-text" lang={CONTENT_LOCALE}>
        {block.context.includes('listItem') ? (
          <span class="diff-bullet" aria-hidden="true">
            •{' '}
          </span>
        ) : null}
        {parts.map((part) => (
          <Part ctx={ctx} part={part} />
        ))}
      </p>
    </div>
  )
}

export function DiffLegend({ ctx }: { ctx: PageContext }) {
  const { t } = ctx
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

/** The changes between two versions, block by block, with a one-line summary. */
export function DiffView({ ctx, blocks }: { ctx: PageContext; blocks: DiffBlock[] }) {
  const stats = diffStats(blocks)
  if (stats.changed + stats.inserted + stats.deleted === 0) return <p>{ctx.t('diff.none')}</p>
  return (
    <div class="diff">
      <DiffLegend ctx={ctx} />
      <p class="diff-summary">{ctx.t('diff.summary', stats)}</p>
      {blocks.map((block) => (
        <Block ctx={ctx} block={block} />
      ))}
    </div>
  )
}
