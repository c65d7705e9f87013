import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptedPosition, buildPublishingWorld, type PublishingWorld } from '../../support/adopt.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let world: PublishingWorld
let position: { id: string; slug: string; roundId: string }

beforeAll(async () => {
  t = await testApp()
  world = buildPublishingWorld(t)
  position = await adoptedPosition(t, world, { title: 'Arbeit für alle', plan: { kind: 'vote', answers: ['yes', 'yes', 'no'] } })
  await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
  await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/withdraw`, { reason: 'Überholt' })
})
afterAll(() => t.close())

describe('the history page of a position', () => {
  it('lists what happened, who did it and when, oldest first, without ballots', async () => {
    const res = await t.client.as(world.member.cookie).get(`/positions/${position.id}/history`)
    expect(res.status).toBe(200)
    const html = await res.text()
    // (The factory creates the position directly, so its creation is not in the log.)
    const lines = [
      'Abstimmung über Fassung 1 eröffnet',
      'Runde geschlossen: beschlossen',
      'Veröffentlicht (Fassung 1)',
      // The reason is content, marked German inside the interface's sentence.
      'Zurückgezogen: <span lang="de">Überholt</span>',
    ]
    let at = -1
    for (const line of lines) {
      const found = html.indexOf(line, at)
      expect(found, line).toBeGreaterThan(at)
      at = found
    }
    expect(html).toContain(world.coordinator.name)
    expect(html).toContain(world.spokesperson.name)
    // Ballots are not part of a position's history.
    for (const d of world.delegates) expect(html).not.toContain(d.name)
  })

  it('is linked from the position page and needs a session', async () => {
    const page = await (await t.client.as(world.member.cookie).get(`/positions/${position.id}`)).text()
    expect(page).toContain(`href="/positions/${position.id}/history"`)
    expect((await t.client.get(`/positions/${position.id}/history`)).status).toBe(303)
    expect((await t.client.as(world.member.cookie).get('/positions/nope/history')).status).toBe(404)
  })
})

describe('the admin audit page', () => {
  it('is for admins only', async () => {
    expect((await t.client.as(world.member.cookie).get('/admin/audit')).status).toBe(403)
    expect((await t.client.as(world.admin.cookie).get('/admin/audit')).status).toBe(200)
  })

  it('filters by person, position and kind of event', async () => {
    const byKind = await (await t.client.as(world.admin.cookie).get('/admin/audit?action=position.withdraw')).text()
    expect(byKind).toContain('Zurückgezogen: <span lang="de">Überholt</span>')
    expect(byKind).not.toContain('Veröffentlicht (Fassung 1)')
    const byPerson = await (await t.client.as(world.admin.cookie).get(`/admin/audit?person=${world.spokesperson.id}`)).text()
    expect(byPerson).toContain('Veröffentlicht (Fassung 1)')
    expect(byPerson).not.toContain('Abstimmung über Fassung 1 eröffnet')
    const other = await t.client.as(world.coordinator.cookie).post('/api/positions', { groupId: world.groupId, title: 'Eine ganz andere Position' })
    expect(other.status).toBe(201)
    const byPosition = await (await t.client.as(world.admin.cookie).get(`/admin/audit?position=${position.id}`)).text()
    expect(byPosition).toContain('Abstimmung über Fassung 1 eröffnet')
    expect(byPosition).not.toContain('Eine ganz andere Position')
  })
})
