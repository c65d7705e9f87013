import { Hono } from 'hono'
import { AdminOverviewPage } from '../../web/views/admin/overview-page.tsx'
import { requireCan } from '../auth/guards.ts'
import { countGroups } from '../groups/group.repo.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render } from '../http/render.tsx'
import { countInitiatives } from '../initiatives/initiative.repo.ts'
import { countPeople } from '../people/person.repo.ts'
import { adminGroupPages } from './admin-groups.pages.tsx'
import { adminInitiativePages } from './admin-initiatives.pages.tsx'
import { adminPeoplePages } from './admin-people.pages.tsx'

/** The admin area under /admin; every page asks the policy for admin.manage. */
export const adminPages = new Hono<AppEnv>()
  .get('/', (c) => {
    requireCan(c, { type: 'admin.manage' })
    const { db } = c.get('deps')
    const counts = { initiatives: countInitiatives(db), people: countPeople(db), groups: countGroups(db) }
    return render(c, <AdminOverviewPage ctx={pageContext(c)} counts={counts} />)
  })
  .route('/initiatives', adminInitiativePages)
  .route('/people', adminPeoplePages)
  .route('/groups', adminGroupPages)
