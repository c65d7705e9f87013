import { Hono } from 'hono'
import { HomePage } from '../../web/views/home-page.tsx'
import * as groupRepo from '../groups/group.repo.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render } from '../http/render.tsx'
import * as positionRepo from '../positions/position.repo.ts'

/** `/`: a welcome for visitors; for people signed in, their working groups with their positions. */
export const homePages = new Hono<AppEnv>().get('/', (c) => {
  const current = c.var.current
  if (!current) return render(c, <HomePage ctx={pageContext(c)} person={null} />)
  const { db } = c.var.deps
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
  return render(c, <HomePage ctx={pageContext(c)} person={{ name: current.person.name, groups, otherGroups }} />)
})
