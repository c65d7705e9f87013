import type { Context } from 'hono'
import type { HomeSection } from '../../web/views/home-page.tsx'
import { AwaitingList } from '../../web/views/rounds/awaiting-list.tsx'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext } from '../http/render.tsx'
import { openRoundsAwaiting } from './awaiting.ts'

/**
 * The start page's "Noch zu entscheiden" section, or nothing when no round waits for the person.
 * Call it before reading positions for the page: it closes rounds past their deadline first.
 */
export function stillToDecideSection(c: Context<AppEnv>): HomeSection[] {
  const current = c.get('current')
  if (!current) return []
  const items = openRoundsAwaiting(c.get('deps'), current.actor)
  if (items.length === 0) return []
  return [
    {
      id: 'still-to-decide',
      title: c.get('t')('rounds.awaiting.heading'),
      content: <AwaitingList ctx={pageContext(c)} items={items} now={c.get('deps').now()} />,
    },
  ]
}
