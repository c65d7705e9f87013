import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import * as groupRepo from '../../../server/groups/group.repo.ts'
import * as initiativeRepo from '../../../server/initiatives/initiative.repo.ts'
import { getPerson, getPersonByEmail } from '../../../server/people/person.repo.ts'
import { addToGroup, addToInitiative, buildGroup, buildInitiative, buildPerson, sessionCookie } from '../../support/factories.ts'
import { TEST_ORIGIN } from '../../support/test-app.ts'
import { adminWorld, type AdminWorld } from './world.ts'

let w: AdminWorld
beforeAll(async () => {
  w = await adminWorld()
})
afterAll(() => w.t.close())

/** Follows a 303 the way a browser would, with the same session. */
async function follow(res: Response, client = w.admin): Promise<Response> {
  expect(res.status).toBe(303)
  return client.get(res.headers.get('location')!)
}

describe('access to the admin area', () => {
  it('sends visitors to the login page', async () => {
    const res = await w.anonymous.get('/admin/people')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/login?next=%2Fadmin%2Fpeople')
  })

  it('refuses people without the admin role with 403', async () => {
    for (const path of ['/admin', '/admin/initiatives', '/admin/people', '/admin/groups']) {
      expect((await w.person.get(path)).status).toBe(403)
    }
    expect((await w.person.form('/admin/initiatives', { name: 'X', weight: '1' })).status).toBe(403)
  })

  it('shows admins the overview with links to every section, in German by default', async () => {
    const res = await w.admin.get('/admin')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<html lang="de">')
    for (const href of ['/admin/initiatives', '/admin/people', '/admin/groups']) expect(html).toContain(`href="${href}"`)
    expect(html).toContain('Arbeitsgruppen')
  })

  it('speaks English to an admin whose browser asks for it', async () => {
    const html = await (await w.admin.get('/admin/groups', { 'accept-language': 'en-GB,en;q=0.9' })).text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('New working group')
  })

  it('answers 404 for an unknown initiative, person or group page', async () => {
    for (const path of ['/admin/initiatives/nope', '/admin/people/nope', '/admin/groups/nope']) {
      expect((await w.admin.get(path)).status).toBe(404)
    }
  })
})

describe('initiative forms', () => {
  it('creates an initiative from the form and shows its edit page', async () => {
    const res = await w.admin.form('/admin/initiatives', { name: 'Internationales Café Winsen', slug: '', weight: '2', active: 'on' })
    const page = await follow(res)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Internationales Café Winsen')
    expect(html).toContain('value="internationales-cafe-winsen"')
    expect(html).toContain('Gespeichert.')
    const row = initiativeRepo.getInitiativeBySlug(w.t.db, 'internationales-cafe-winsen')!
    expect(row).toMatchObject({ weight: 2, active: 1 })
    expect(auditEventsFor(w.t.db, 'initiative', row.id).map((e) => e.action)).toEqual(['initiative.create'])
    // The list shows it in a table that scrolls sideways on a phone.
    const list = await (await w.admin.get('/admin/initiatives')).text()
    expect(list).toMatch(/<div class="table-wrap"><table class="stack-table">[\s\S]*Internationales Café Winsen/)
  })

  it('re-renders the form with the message and the entered values when refused', async () => {
    const bad = await w.admin.form('/admin/initiatives', { name: 'Freiwilligenagentur Braunschweig', slug: '', weight: 'viel', active: 'on' })
    expect(bad.status).toBe(400)
    const html = await bad.text()
    expect(html).toContain('Das Stimmgewicht muss eine ganze Zahl von 0 bis 1000 sein.')
    expect(html).toContain('value="Freiwilligenagentur Braunschweig"')
    expect(html).toContain('aria-invalid="true"')

    const duplicate = await w.admin.form('/admin/initiatives', { name: 'Nochmal', slug: 'internationales-cafe-winsen', weight: '1' })
    expect(duplicate.status).toBe(409)
    expect(await duplicate.text()).toContain('Der Kurzname „internationales-cafe-winsen“ ist schon vergeben.')
  })

  it('edits an initiative: an unchecked "active" box deactivates it', async () => {
    const initiative = buildInitiative(w.t.db, { name: 'Solidarisches Osnabrück', slug: 'solidarisches-osnabrueck' })
    const page = await follow(await w.admin.form(`/admin/initiatives/${initiative.id}`, { name: 'Solidarisches Osnabrück e. V.', slug: 'solidarisches-osnabrueck', weight: '3' }))
    expect(await page.text()).toContain('Solidarisches Osnabrück e. V.')
    expect(initiativeRepo.getInitiative(w.t.db, initiative.id)).toMatchObject({ weight: 3, active: 0, name: 'Solidarisches Osnabrück e. V.' })
  })

  it('adds a delegate, changes them to member and removes them', async () => {
    const initiative = buildInitiative(w.t.db)
    const person = buildPerson(w.t.db, { name: 'Dilara Delegierte' })
    const before = await (await w.admin.get(`/admin/initiatives/${initiative.id}`)).text()
    expect(before).toContain(`<option value="${person.id}">Dilara Delegierte`)

    await follow(await w.admin.form(`/admin/initiatives/${initiative.id}/members`, { personId: person.id, role: 'delegate' }))
    expect(initiativeRepo.getInitiativeMembership(w.t.db, initiative.id, person.id)?.role).toBe('delegate')
    const page = await (await w.admin.get(`/admin/initiatives/${initiative.id}`)).text()
    expect(page).toContain(`href="/admin/people/${person.id}">Dilara Delegierte</a>`)

    await follow(await w.admin.form(`/admin/initiatives/${initiative.id}/members`, { personId: person.id, role: 'member' }))
    expect(initiativeRepo.getInitiativeMembership(w.t.db, initiative.id, person.id)?.role).toBe('member')

    await follow(await w.admin.form(`/admin/initiatives/${initiative.id}/members/${person.id}/remove`, {}))
    expect(initiativeRepo.getInitiativeMembership(w.t.db, initiative.id, person.id)).toBeUndefined()
  })

  it('asks to choose a person when none was chosen', async () => {
    const initiative = buildInitiative(w.t.db)
    buildPerson(w.t.db)
    const res = await w.admin.form(`/admin/initiatives/${initiative.id}/members`, { personId: '', role: 'delegate' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Bitte wähle eine Person aus.')
  })
})

describe('people forms', () => {
  it('creates a person and shows the invite link in a copyable block with what to do with it', async () => {
    const res = await w.admin.form('/admin/people', { name: 'Leyla Yılmaz', email: 'leyla.yilmaz@example.org', roles: 'spokesperson' })
    expect(res.status).toBe(201)
    const html = await res.text()
    const link = html.match(/<code class="setup-link">([^<]+)<\/code>/)?.[1]
    expect(link).toMatch(new RegExp(`^${TEST_ORIGIN}/setup/`))
    expect(html).toContain('Schicke diesen Link an Leyla Yılmaz')
    expect(html).toContain('Er funktioniert nur einmal')
    // The expiry names its time zone, as every deadline does (the admin may sit elsewhere).
    expect(html).toMatch(/gültig bis \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} (MEZ|MESZ|UTC[+-]?\d*)\./)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const person = getPersonByEmail(w.t.db, 'leyla.yilmaz@example.org')!
    expect(person).toMatchObject({ name: 'Leyla Yılmaz', is_spokesperson: 1, is_admin: 0, password_hash: null })
  })

  it('keeps the entered values when the email is taken', async () => {
    const res = await w.admin.form('/admin/people', { name: 'Andere Leyla', email: 'LEYLA.YILMAZ@example.org', roles: ['spokesperson', 'admin'] })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('Diese E-Mail-Adresse wird schon von einer anderen Person verwendet.')
    expect(html).toContain('value="Andere Leyla"')
    expect(html).toMatch(/value="admin" checked/)
  })

  it('edits roles and disables a person, which logs them out everywhere', async () => {
    const p = buildPerson(w.t.db, { name: 'Tom Test', email: 'tom.test@example.org' })
    const session = w.t.client.as(sessionCookie(w.t.db, p.id, w.t.clock.now()))
    expect((await session.get('/api/groups')).status).toBe(200)
    const page = await follow(await w.admin.form(`/admin/people/${p.id}`, { name: 'Tom Test', email: 'tom.test@example.org', roles: ['admin', 'spokesperson'], disabled: 'on' }))
    expect(page.status).toBe(200)
    expect(getPerson(w.t.db, p.id)).toMatchObject({ is_admin: 1, is_spokesperson: 1, disabled: 1 })
    expect((await session.get('/api/groups')).status).toBe(401)
  })

  it('refuses, with the reason on the page, to take the last admin their role', async () => {
    const t2 = await adminWorld()
    try {
      const admin = getPerson(t2.t.db, t2.adminId)!
      const res = await t2.admin.form(`/admin/people/${admin.id}`, { name: admin.name, email: admin.email })
      expect(res.status).toBe(409)
      expect(await res.text()).toContain('keine aktive Administration mehr')
      expect(getPerson(t2.t.db, admin.id)!.is_admin).toBe(1)
    } finally {
      t2.t.close()
    }
  })

  it('makes a new invite link from the person page and lists their memberships', async () => {
    const p = buildPerson(w.t.db, { name: 'Mia Mitglied' })
    const initiative = buildInitiative(w.t.db, { name: 'Freiwilligenagentur Braunschweig' })
    const group = buildGroup(w.t.db, { name: 'Sprachförderung' })
    addToInitiative(w.t.db, initiative.id, p.id, 'member')
    addToGroup(w.t.db, group.id, p.id, true)
    const page = await (await w.admin.get(`/admin/people/${p.id}`)).text()
    expect(page).toContain('Freiwilligenagentur Braunschweig</a>: Mitglied')
    expect(page).toContain('Sprachförderung</a>: Koordination')

    const res = await w.admin.form(`/admin/people/${p.id}/invite`, {})
    expect(res.status).toBe(201)
    expect(await res.text()).toMatch(/<code class="setup-link">http:\/\/sprachrohr\.test\/setup\/[^<]+<\/code>/)
  })
})

describe('working group forms', () => {
  it('creates a group from the form', async () => {
    const page = await follow(await w.admin.form('/admin/groups', { name: 'Wohnen und Leben', slug: '', description: 'Wohnungssuche, Unterkünfte' }))
    expect(await page.text()).toContain('Wohnen und Leben')
    expect(groupRepo.getGroupBySlug(w.t.db, 'wohnen-und-leben')).toMatchObject({ description: 'Wohnungssuche, Unterkünfte' })
  })

  it('adds a member as coordinator, toggles coordination and removes them', async () => {
    const group = buildGroup(w.t.db, { name: 'Ombudsstelle' })
    const person = buildPerson(w.t.db, { name: 'Karl Koordinator' })
    const page = await follow(await w.admin.form(`/admin/groups/${group.id}/members`, { personId: person.id, coordinator: 'on' }))
    expect(await page.text()).toContain('Karl Koordinator')
    expect(groupRepo.listGroupMembers(w.t.db, group.id)).toEqual([{ personId: person.id, name: 'Karl Koordinator', coordinator: true }])

    await follow(await w.admin.form(`/admin/groups/${group.id}/members`, { personId: person.id }))
    expect(groupRepo.listGroupMembers(w.t.db, group.id)[0]?.coordinator).toBe(false)

    await follow(await w.admin.form(`/admin/groups/${group.id}/members/${person.id}/remove`, {}))
    expect(groupRepo.listGroupMembers(w.t.db, group.id)).toEqual([])
    expect(auditEventsFor(w.t.db, 'group', group.id).map((e) => e.action)).toEqual([
      'group.member_add',
      'group.member_coordinator',
      'group.member_remove',
    ])
  })

  it('refuses a 100,000-character name with the form shown again', async () => {
    const res = await w.admin.form('/admin/groups', { name: 'x'.repeat(100_000), slug: '', description: '' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('ist zu lang (höchstens 200 Zeichen)')
  })
})
