import { choicesFor } from '../../../shared/rules/choices.ts'
import type { ShownResult } from '../../../shared/rules/secret-disclosure.ts'
import type { PageContext } from '../layout.tsx'
import { choiceLabel } from './round-labels.ts'
import { participationText, quorumText, resultSentence } from './result-words.ts'

/**
 * The frozen result of a closed round: one sentence, then the numbers per answer, as far as a
 * secret round may show them (else a note says why they are missing).
 */
export function ResultView({ ctx, result, electorate }: { ctx: PageContext; result: ShownResult; electorate: 'initiatives' | 'members' }) {
  const { t, locale } = ctx
  const tally = result.tally
  const weighted = electorate === 'initiatives' && result.disclosure === 'full'
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
      {result.disclosure === 'full' ? null : (
        <p class="hint">{t(result.disclosure === 'counts' ? 'rounds.result.secret_counts' : 'rounds.result.secret_outcome')}</p>
      )}
      {tally ? (
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
                  <td>{tally[choice]?.count ?? 0}</td>
                  {weighted ? <td>{tally[choice]?.weight ?? 0}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}
