import type { PageContext } from '../layout.tsx'

export interface ShownProxy {
  initiative: { name: string }
  to: { name: string; initiatives: string[] }
  roundOnly: boolean
}

/**
 * The votes handed on in a round, one sentence each ("Café Winsen hat seine Stimme an Lena Wagner
 * (Solidarisches Osnabrück) übertragen"): public to everyone who sees the round, also in secret
 * rounds; how a proxy was used is never shown here.
 */
export function RoundProxies({ ctx, proxies }: { ctx: PageContext; proxies: readonly ShownProxy[] }) {
  const { t } = ctx
  if (proxies.length === 0) return null
  return (
    <section aria-labelledby="proxies-heading" class="round-proxies">
      <h2 id="proxies-heading">{t('proxies.heading')}</h2>
      <ul>
        {proxies.map((p) => (
          <li>
            {t(p.roundOnly ? 'proxies.sentence_round' : 'proxies.sentence', {
              initiative: p.initiative.name,
              person: p.to.name,
              initiatives: p.to.initiatives.join(', '),
            })}
          </li>
        ))}
      </ul>
    </section>
  )
}
