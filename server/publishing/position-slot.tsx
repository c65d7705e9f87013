import type { Context } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import { CoSignForms } from '../../web/views/public/co-sign-forms.tsx'
import { PublishPanel } from '../../web/views/public/publish-panel.tsx'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext } from '../http/render.tsx'
import { getPublication } from './publication.repo.ts'
import { coSignChoices, publishPanelData } from './panel-data.ts'

/**
 * The publishing part of a position page: the publish/withdraw panel for spokespersons and
 * admins, and co-sign buttons for delegates once the position is published. Null when the
 * viewer has nothing to do here.
 */
export function publicationSlot(c: Context<AppEnv>, positionId: string): JSX.Element | null {
  const current = c.get('current')
  if (!current) return null
  const ctx = pageContext(c)
  const panel = publishPanelData(c.get('deps'), current.actor, positionId)
  const choices = coSignChoices(c.get('deps'), current.person.id, positionId)
  if (!panel && choices.length === 0) return null
  const slug = choices.length ? getPublication(c.get('deps').db, positionId)?.slug : undefined
  return (
    <>
      {panel && (panel.status === 'adopted' || panel.publication) ? <PublishPanel ctx={ctx} data={panel} /> : null}
      {choices.length && slug ? <CoSignForms ctx={ctx} positionId={positionId} choices={choices} back={`/positions/${positionId}`} /> : null}
    </>
  )
}
