import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { adoptedPosition, buildPublishingWorld, type PublishingWorld } from '../../support/adopt.ts'
import { buildPosition } from '../../support/factories.ts'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'
import { pageText } from '../../support/page-text.ts'

let t: TestApp
let world: PublishingWorld

beforeAll(async () => {
  t = await testApp()
  world = buildPublishingWorld(t)
})
afterAll(() => t.close())

const page = async (cookie: string, path: string) => (await t.client.as(cookie).get(path)).text()

describe('after adoption', () => {
  it('tells the coordinator that a spokesperson can publish now, and names the spokespersons', async () => {
    const position = await adoptedPosition(t, world, { title: 'Sprachkurse für alle' })
    const html = await page(world.coordinator.cookie, `/positions/${position.id}`)
    expect(html).toContain('Angenommen — jetzt kann eine Sprecher*in veröffentlichen.')
    expect(html).toContain(`Sprecher*innen des Bündnisses: ${world.spokesperson.name}`)
  })

  it('lists adopted positions waiting to be published on every spokesperson’s start page, and only there', async () => {
    const position = await adoptedPosition(t, world, { title: 'Wartet auf Veröffentlichung' })
    const spokesperson = await page(world.spokesperson.cookie, '/')
    expect(spokesperson).toContain('<h2 id="home-to-publish">Zum Veröffentlichen</h2>')
    expect(spokesperson).toContain(`<a href="/positions/${position.id}" lang="de">Wartet auf Veröffentlichung</a>`)
    expect(await page(world.delegates[0]!.cookie, '/')).not.toContain('Zum Veröffentlichen')

    const published = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, { summary: '' })
    expect(published.status).toBe(200)
    expect(await page(world.spokesperson.cookie, '/')).not.toContain(`<a href="/positions/${position.id}" lang="de">`)
  })
})

describe('archiving a position', () => {
  it('takes it out of the lists, keeps its page and records, and is the coordinator’s', async () => {
    const position = buildPosition(t.db, { groupId: world.groupId, createdBy: world.coordinator.id, title: 'Alte Idee' })
    const groupPath = `/api/positions?groupId=${world.groupId}`
    const titles = async () => ((await (await t.client.as(world.member.cookie).get(groupPath)).json()) as { positions: Array<{ title: string }> }).positions.map((p) => p.title)
    expect(await titles()).toContain('Alte Idee')

    const refused = await t.client.as(world.member.cookie).post(`/api/positions/${position.id}/archive`)
    expect(refused.status).toBe(403)

    const res = await t.client.as(world.coordinator.cookie).post(`/api/positions/${position.id}/archive`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { status: string; archivedAt: string | null }
    expect(body.status).toBe('drafting')
    expect(body.archivedAt).not.toBeNull()
    expect(await titles()).not.toContain('Alte Idee')
    expect(await page(world.coordinator.cookie, '/')).not.toContain('Alte Idee')

    const still = await t.client.as(world.member.cookie).get(`/positions/${position.id}`)
    expect(still.status).toBe(200)
    expect(await still.text()).toContain('Archiviert: Diese Position steht in keiner Liste mehr.')
    expect(auditEventsFor(t.db, 'position', position.id).map((e) => e.action)).toContain('position.archive')
  })

  it('offers the form to the coordinator and archives through it without JavaScript', async () => {
    const position = await adoptedPosition(t, world, { title: 'Per Formular archivieren' })
    const before = await page(world.coordinator.cookie, `/positions/${position.id}`)
    expect(before).toContain(`action="/positions/${position.id}/archive"`)
    expect(await page(world.member.cookie, `/positions/${position.id}`)).not.toContain(`action="/positions/${position.id}/archive"`)
    const res = await t.client.as(world.coordinator.cookie).form(`/positions/${position.id}/archive`, {})
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/positions/${position.id}?archived=1`)
    // An adopted position that is archived no longer waits for a spokesperson.
    expect(await page(world.spokesperson.cookie, '/')).not.toContain('Per Formular archivieren')
  })

  it('is refused with a clear code while a round runs', async () => {
    const rw = buildRoundWorld(t)
    await openRoundVia(t, rw)
    const res = await rw.coordinator.post(`/api/positions/${rw.positionId}/archive`)
    expect(res.status).toBe(409)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('archive_in_round')
    expect(body.error.message).toContain('Während eine Runde läuft')
  })

  it('leaves no round to be opened on an archived position: a clear 409, nothing frozen', async () => {
    const position = buildPosition(t.db, { groupId: world.groupId, createdBy: world.coordinator.id, title: 'Archiviert im Entwurf' })
    const coordinator = t.client.as(world.coordinator.cookie)
    expect((await coordinator.post(`/api/positions/${position.id}/archive`)).status).toBe(200)
    const res = await coordinator.post(`/api/positions/${position.id}/rounds`, {
      kind: 'consent',
      electorate: 'initiatives',
      quorum: 0.5,
      visibility: 'open',
      closesAt: new Date(t.clock.now() + 7 * 24 * 3600 * 1000).toISOString(),
    })
    expect(res.status).toBe(409)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('position_archived')
    expect(body.error.message).toContain('archiviert')
    expect((await (await coordinator.get(`/api/positions/${position.id}/versions`)).json()).versions).toEqual([])
  })
})

describe('a title over the limit', () => {
  it('is refused with a message and kept as typed, never cut', async () => {
    const long = `${'Wohnraum für Geflüchtete statt Sammelunterkünfte und '.repeat(4)}Schluss`
    expect(long.length).toBeGreaterThan(200)
    const res = await t.client.as(world.coordinator.cookie).form(`/groups/${(await groupSlug())}/positions`, { title: long })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('ist zu lang (höchstens 200 Zeichen)')
    expect(html).toContain(`value="${long}"`)
  })

  it('is not cut by the browser either: the title fields have no maxlength, but say the limit', async () => {
    const html = await page(world.coordinator.cookie, `/groups/${await groupSlug()}`)
    const input = /<input[^>]*id="new-position-title"[^>]*>/.exec(html)?.[0] ?? ''
    expect(input).not.toContain('maxlength')
    expect(html).toContain('Höchstens 200 Zeichen.')
    const position = buildPosition(t.db, { groupId: world.groupId, createdBy: world.coordinator.id })
    const rename = /<input[^>]*id="position-title"[^>]*>/.exec(await page(world.coordinator.cookie, `/positions/${position.id}`))?.[0] ?? ''
    expect(rename).toContain('name="title"')
    expect(rename).not.toContain('maxlength')
  })
})

async function groupSlug(): Promise<string> {
  const res = await t.client.as(world.coordinator.cookie).get(`/api/positions?groupId=${world.groupId}`)
  expect(res.status).toBe(200)
  return (t.db.sqlite.prepare('select slug from working_groups where id = ?').get(world.groupId) as { slug: string }).slug
}
