import type { PageContext } from '../layout.tsx'

/** An initiative the viewer is a delegate of, and whether it has co-signed already. */
export interface CoSignChoice {
  initiativeId: string
  name: string
  signed: boolean
}

export interface CoSignFormsProps {
  ctx: PageContext
  positionId: string
  choices: CoSignChoice[]
  /** Local path to come back to after the form post. */
  back: string
  /** Heading level: 2 on a page of its own, 3 inside a list. */
  level?: 2 | 3
}

/** One button per initiative: co-sign, or take the co-signature back. Works without JavaScript. */
export function CoSignForms({ ctx, positionId, choices, back, level = 2 }: CoSignFormsProps) {
  const { t } = ctx
  const Heading = level === 2 ? 'h2' : 'h3'
  const id = `cosign-${positionId}`
  return (
    <section class="cosign no-print" aria-labelledby={id}>
      <Heading id={id}>{t('publishing.cosign_title')}</Heading>
      <p>{t('publishing.cosign_intro')}</p>
      {choices.map((choice) =>
        choice.signed ? (
          <form method="post" action={`/positions/${positionId}/signatures/${choice.initiativeId}/delete`} class="cosign-form">
            <input type="hidden" name="back" value={back} />
            <p class="cosign-state">{t('publishing.cosign_done', { initiative: choice.name })}</p>
            <button type="submit" class="secondary">
              {t('publishing.cosign_revoke', { initiative: choice.name })}
            </button>
          </form>
        ) : (
          <form method="post" action={`/positions/${positionId}/signatures`} class="cosign-form">
            <input type="hidden" name="initiativeId" value={choice.initiativeId} />
            <input type="hidden" name="back" value={back} />
            <button type="submit">{t('publishing.cosign_submit', { initiative: choice.name })}</button>
          </form>
        ),
      )}
    </section>
  )
}
