import { resultBar } from '../../../shared/publishing/result-bar.ts'
import { publishedResultOfRound, resultSentence } from '../../../shared/publishing/result-sentence.ts'
import type { Electorate } from '../../../shared/rules/choices.ts'
import type { ShownResult } from '../../../shared/rules/secret-disclosure.ts'
import type { PageContext } from '../layout.tsx'
import { ResultBarView } from '../result-bar-view.tsx'
import { quorumText } from './result-words.ts'

/**
 * The frozen result of a closed round: one sentence (the same as on the public page), then the bar
 * of answers; a secret round whose figures would identify an initiative says why they are missing.
 */
export function ResultView({ ctx, result, electorate, closedAt }: { ctx: PageContext; result: ShownResult; electorate: Electorate; closedAt: number }) {
  const { t, locale } = ctx
  const published = publishedResultOfRound(result, electorate, closedAt)
  const bar = resultBar(published, t)
  return (
    <section class={`round-result outcome-${result.outcome}`} aria-labelledby="result-heading">
      <h2 id="result-heading">{t('rounds.result.heading')}</h2>
      <p class="result-sentence">
        <strong>{resultSentence(published, t)}</strong>
      </p>
      <p>{t(result.quorumMet ? 'rounds.result.quorum_met' : 'rounds.result.quorum_missed', { quorum: quorumText(result.quorum, locale) })}</p>
      {result.disclosure === 'full' ? (
        <ResultBarView id="result-bar" title={t('publishing.bar.title')} segments={bar.segments} summary={bar.summary} />
      ) : (
        <p class="hint">{t(result.disclosure === 'counts' ? 'rounds.result.secret_counts' : 'rounds.result.secret_outcome')}</p>
      )}
    </section>
  )
}
