import { Hono } from 'hono'
import { HomePage } from '../../web/views/home-page.tsx'
import * as groupRepo from '../groups/group.repo.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render } from '../http/render.tsx'
import * as positionRepo from '../positions/position.repo.ts'
import { CoSignOffers } from '../../web/views/public/co-sign-offers.tsx'
import { RecentlyPublished } from '../../web/views/public/recently-published.tsx'
import { coSignOffersFor, recentlyPublished } from '../publishing/panel-data.ts'
import { stillToDecideSection } from '../rounds/home-section.tsx'
import { can } from '../../shared/policy.ts'
import { WaitingToPublish } from '../../web/views/positions/waiting-to-publish.tsx'

/** `/`: a welcome for visitors; for people signed in, their working groups with their positions. */
export const homePages = new Hono<AppEnv>().get('/', (c) => {
  const current = c.get('current')
  if (!current) return render(c, <HomePage ctx={pageContext(c)} person={null} loggedOut={c.req.query('logged-out') !== undefined} />)
  const { db } = c.get('deps')
  const stillToDecide = stillToDecideSection(c)
  const mine = groupRepo.groupsOfPerson(db, current.person.id)
  const mineIds = new Set(mine.map((g) => g.groupId))
  const positions = positionRepo.listPositions(db, [...mineIds])
  const groups = mine.map((g) => ({
    name: g.name,
    slug: g.slug,
    positions: positions.filter((p) => p.groupId === g.groupId),
  }))
  const otherGroups = groupRepo
    .listGroups(db)
    .filter((g) => !mineIds.has(g.id))
    .map((g) => ({ name: g.name, slug: g.slug }))
  const ctx = pageContext(c)
  const offers = coSignOffersFor(c.get('deps'), current.person.id)
  const top = offers.length
    ? [{ id: 'cosign', title: c.get('t')('publishing.cosign_offers_title'), content: <CoSignOffers ctx={ctx} offers={offers} /> }]
    : []
  // Spokespersons: adopted positions waiting for them, whichever group they belong to.
  const waiting = can(current.actor, { type: 'position.publish' }) ? positionRepo.adoptedWaiting(db) : []
  if (waiting.length) top.unshift({ id: 'to-publish', title: c.get('t')('positions.waiting.heading'), content: <WaitingToPublish ctx={ctx} items={waiting} /> })
  const bottom = [{ id: 'published', title: c.get('t')('publishing.recent_title'), content: <RecentlyPublished ctx={ctx} items={recentlyPublished(c.get('deps'))} /> }]
  return render(c, <HomePage ctx={ctx} person={{ name: current.person.name, groups, otherGroups }} top={[...stillToDecide, ...top]} bottom={bottom} />)
})
