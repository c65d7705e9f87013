import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { PageContext } from '../layout.tsx'
import { contentMark, Sentence } from '../with-content.tsx'

/** "für Café Winsen", the initiative's name marked as content. */
function ForInitiative({ ctx, name }: { ctx: PageContext; name: string }) {
  return <Sentence text={ctx.t('amendments.for_initiative', { initiative: contentMark('initiative') })} content={{ initiative: name }} />
}

export interface ContainedAmendment {
  number: number
  quote: string
  text: string
  initiative: { name: string } | null
}

export interface SentenceFrom {
  text: string
  amendments: number[]
}

/**
 * The amendments a version (or the versions of a diff) contains, each as its inline diff, and, on a
 * version's page, which of its sentences came from which amendment.
 */
export function ContainedAmendments({ ctx, positionId, amendments, sentences = [] }: { ctx: PageContext; positionId: string; amendments: ContainedAmendment[]; sentences?: SentenceFrom[] }) {
  const { t } = ctx
  if (amendments.length === 0) return null
  const fromAmendments = sentences.filter((s) => s.amendments.length > 0)
  const label = (n: number) => t('amendments.label', { number: n })
  return (
    <section aria-labelledby="contained-heading" class="contained-amendments">
      <h2 id="contained-heading">{t('amendments.contained.heading')}</h2>
      <ul>
        {amendments.map((a) => (
          <li>
            <a href={`/positions/${positionId}/amendments#a-${a.number}`}>{label(a.number)}</a>
            {a.initiative ? <> (<ForInitiative ctx={ctx} name={a.initiative.name} />)</> : null}:{' '}
            <span class="amendment-diff" lang={CONTENT_LOCALE}>
              <del aria-label={t('amendments.old')}>{a.quote}</del> {a.text === '' ? <em>{t('amendments.deletion')}</em> : <ins aria-label={t('amendments.new')}>{a.text}</ins>}
            </span>
          </li>
        ))}
      </ul>
      {fromAmendments.length ? (
        <>
          <h3>{t('amendments.contained.sentences')}</h3>
          <ul>
            {fromAmendments.map((s) => (
              <li>
                <q lang={CONTENT_LOCALE}>{s.text}</q> – {t('amendments.contained.from', { labels: s.amendments.map(label).join(', ') })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

/** On the public page of an adopted position: the amendments its text took in (no links: visitors cannot follow them). */
export function AdoptedAmendments({ ctx, amendments }: { ctx: PageContext; amendments: ContainedAmendment[] }) {
  const { t } = ctx
  if (amendments.length === 0) return null
  return (
    <section aria-labelledby="adopted-amendments-title" class="public-amendments">
      <h2 id="adopted-amendments-title">{t('amendments.adopted.heading')}</h2>
      <ul>
        {amendments.map((a) => (
          <li>
            <strong>{t('amendments.label', { number: a.number })}</strong>
            {a.initiative ? <> (<ForInitiative ctx={ctx} name={a.initiative.name} />)</> : null}
            :{' '}
            <span class="amendment-diff" lang={CONTENT_LOCALE}>
              <del aria-label={t('amendments.old')}>{a.quote}</del> {a.text === '' ? <em>{t('amendments.deletion')}</em> : <ins aria-label={t('amendments.new')}>{a.text}</ins>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
