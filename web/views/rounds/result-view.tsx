import { choicesFor } from '../../../shared/rules/choices.ts'
import type { RoundResult } from '../../../shared/rules/outcome.ts'
import { totalsOf } from '../../../shared/rules/tally.ts'
import type { PageContext } from '../layout.tsx'
import { choiceLabel } from './round-labels.ts'
import { participationText, quorumText, resultSentence } from './result-words.ts'

/** The frozen result of a closed round: one sentence, then the numbers per answer. */
export function ResultView({ ctx, result, electorate }: { ctx: PageContext; result: RoundResult; electorate: 'initiatives' | 'members' }) {
  const { t, locale } = ctx
  const weighted = electorate === 'initiatives'
  return (
    <section class={`round-result outcome-${result.outcome}`} aria-labelledby="result-heading">
      <h2 id="result-heading">{t('rounds.result.heading')}</h2>
      <p class="result-sentence">
        <strong>{resultSentence(t, locale, result, electorate)}</strong>
      </p>
      <p>
        {participationText(t, locale, result.participation, result.electorate)}.{' '}
        {t(result.quorumMet ? 'rounds.result.quorum_met' : 'rounds.result.quorum_missed', { quorum: quorumText(result.quorum, locale) })}
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rounds.result.table.answer')}</th>
              <th scope="col">{t('rounds.result.table.count')}</th>
              {weighted ? <th scope="col">{t('rounds.result.table.weight')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {choicesFor(result.kind).map((choice) => (
              <tr>
                <th scope="row">{choiceLabel(t, choice)}</th>
                <td>{totalsOf(result.tally, choice).count}</td>
                {weighted ? <td>{totalsOf(result.tally, choice).weight}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
