import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { formatLongDate } from '../../../shared/publishing/result-sentence.ts'
import { buildPosition } from '../../support/factories.ts'
import { createHash } from 'node:crypto'
import { run } from '../../../db/query.ts'
import { canonicalJson } from '../../../shared/content/canonical-json.ts'
import { adoptedPosition, buildPublishingWorld, decide, simpleDoc, writeDraftJson, type PublishingWorld } from '../../support/adopt.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let world: PublishingWorld

beforeAll(async () => {
  t = await testApp()
  world = buildPublishingWorld(t)
})
afterAll(() => t.close())

async function statusOf(id: string): Promise<string> {
  const res = await t.client.as(world.coordinator.cookie).get(`/api/positions/${id}`)
  return ((await res.json()) as { status: string }).status
}

describe('publishing an adopted position', () => {
  it('lets a spokesperson publish it under a stable public URL, and records it', async () => {
    const position = await adoptedPosition(t, world, { title: 'Bezahlbarer Wohnraum' })
    const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, { summary: 'Kurz gesagt: mehr Sozialwohnungen.' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { url: string }
    expect(body.url).toBe(`http://sprachrohr.test/p/${position.slug}`)
    expect(await statusOf(position.id)).toBe('published')

    const page = await t.client.get(`/p/${position.slug}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Bezahlbarer Wohnraum')
    expect(html).toContain('Wir fordern bezahlbaren Wohnraum für alle.')
    expect(html).toContain('Kurz gesagt: mehr Sozialwohnungen.')

    const audit = auditEventsFor(t.db, 'position', position.id).map((e) => e.action)
    expect(audit).toContain('position.publish')
  })

  it('lets an admin publish too', async () => {
    const position = await adoptedPosition(t, world)
    const res = await t.client.as(world.admin.cookie).post(`/api/positions/${position.id}/publish`, {})
    expect(res.status).toBe(200)
  })

  it('refuses everybody else', async () => {
    const position = await adoptedPosition(t, world)
    for (const who of [world.coordinator, world.member, world.delegates[0]!]) {
      const res = await t.client.as(who.cookie).post(`/api/positions/${position.id}/publish`, {})
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } })
    }
    const anonymous = await t.client.post(`/api/positions/${position.id}/publish`, {})
    expect(anonymous.status).toBe(401)
    expect(await statusOf(position.id)).toBe('adopted')
    expect((await t.client.get(`/p/${position.slug}`)).status).toBe(404)
  })

  it('refuses positions that are not adopted, and publishing twice', async () => {
    const drafting = buildPosition(t.db, { groupId: world.groupId, createdBy: world.coordinator.id })
    const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${drafting.id}/publish`, {})
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'not_adopted' } })

    const position = await adoptedPosition(t, world)
    expect((await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})).status).toBe(200)
    const again = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
    expect(again.status).toBe(409)

    const missing = await t.client.as(world.spokesperson.cookie).post('/api/positions/nosuchposition/publish', {})
    expect(missing.status).toBe(404)
  })

  it('publishes the adopted version, never the live draft', async () => {
    const position = await adoptedPosition(t, world, { content: simpleDoc('Der beschlossene Wortlaut.') })
    // Even if the stored draft changed after adoption, the publication shows what was decided.
    writeDraftJson(t.db, position.id, simpleDoc('Eine spätere Änderung, über die niemand entschieden hat.'))
    await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
    const html = await (await t.client.get(`/p/${position.slug}`)).text()
    expect(html).toContain('Der beschlossene Wortlaut.')
    expect(html).not.toContain('spätere Änderung')
  })

  it('refuses with 400, not a crash, an adopted text with content the schema does not know', async () => {
    const bad = [
      { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://evil.example' } }] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }] }] },
      // Structurally fine, but a link the shared rules would drop: what was adopted cannot be shown as adopted.
      {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'klick', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
      },
    ]
    for (const json of bad) {
      const position = buildPosition(t.db, { groupId: world.groupId, createdBy: world.coordinator.id })
      const content = canonicalJson(json)
      run(
        t.db,
        t.db.q.insertInto('versions').values({
          position_id: position.id,
          number: 1,
          content,
          html: '',
          hash: createHash('sha256').update(content).digest('hex'),
          created_by: world.coordinator.id,
          created_at: t.clock.now(),
        }),
      )
      const { outcome } = await decide(t, world, position.id, { versionNumber: 1 })
      expect(outcome).toBe('adopted')
      const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: { code: 'unknown_content' } })
      expect(await statusOf(position.id)).toBe('adopted')
      expect((await t.client.get(`/p/${position.slug}`)).status).toBe(404)
    }
  })

  it('validates the summary', async () => {
    const position = await adoptedPosition(t, world)
    const long = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, { summary: 'x'.repeat(501) })
    expect(long.status).toBe(400)
    const unknown = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, { title: 'x' })
    expect(unknown.status).toBe(400)
    expect(await statusOf(position.id)).toBe('adopted')
  })
})

describe('withdrawing a published position', () => {
  it('keeps the public page, marked as withdrawn with reason and date', async () => {
    const position = await adoptedPosition(t, world, { title: 'Sprachkurse' })
    await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
    t.clock.advance(3 * 24 * 3600 * 1000)
    const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/withdraw`, { reason: 'Durch neue Gesetzeslage überholt.' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'withdrawn', reason: 'Durch neue Gesetzeslage überholt.' })
    expect(await statusOf(position.id)).toBe('withdrawn')

    const page = await t.client.get(`/p/${position.slug}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(`Zurückgezogen am ${formatLongDate(t.clock.now(), 'de')}`)
    expect(html).toContain('Durch neue Gesetzeslage überholt.')
    expect(html).toContain('Wir fordern bezahlbaren Wohnraum für alle.')

    const json = (await (await t.client.get(`/api/public/positions/${position.slug}`)).json()) as { status: string; withdrawReason: string }
    expect(json).toMatchObject({ status: 'withdrawn', withdrawReason: 'Durch neue Gesetzeslage überholt.' })
    expect(auditEventsFor(t.db, 'position', position.id).map((e) => e.action)).toContain('position.withdraw')
  })

  it('needs a reason, a spokesperson or admin, and a published position', async () => {
    const position = await adoptedPosition(t, world)
    const notYet = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/withdraw`, { reason: 'x' })
    expect(notYet.status).toBe(409)
    await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})

    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(1001) }]) {
      const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/withdraw`, body)
      expect(res.status).toBe(400)
    }
    for (const who of [world.coordinator, world.member, world.delegates[0]!]) {
      const res = await t.client.as(who.cookie).post(`/api/positions/${position.id}/withdraw`, { reason: 'x' })
      expect(res.status).toBe(403)
    }
    expect(await statusOf(position.id)).toBe('published')

    const admin = await t.client.as(world.admin.cookie).post(`/api/positions/${position.id}/withdraw`, { reason: 'Beschluss aufgehoben' })
    expect(admin.status).toBe(200)
    const twice = await t.client.as(world.admin.cookie).post(`/api/positions/${position.id}/withdraw`, { reason: 'nochmal' })
    expect(twice.status).toBe(409)
  })
})

describe('publishing with forms, without JavaScript', () => {
  it('publishes and lands on the public page', async () => {
    const position = await adoptedPosition(t, world)
    const page = await t.client.as(world.spokesperson.cookie).get(`/positions/${position.id}/publish`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('action="/positions/' + position.id + '/publish"')
    const res = await t.client.as(world.spokesperson.cookie).form(`/positions/${position.id}/publish`, { summary: 'Per Formular.' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/p/${position.slug}`)
  })

  it('shows the form again with the message and what was entered', async () => {
    const drafting = buildPosition(t.db, { groupId: world.groupId, createdBy: world.coordinator.id })
    const res = await t.client.as(world.spokesperson.cookie).form(`/positions/${drafting.id}/publish`, { summary: 'Mein Text <b>' })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('Nur beschlossene Positionen können veröffentlicht werden.')

    const position = await adoptedPosition(t, world)
    await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
    const empty = await t.client.as(world.spokesperson.cookie).form(`/positions/${position.id}/withdraw`, { reason: '  ' })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Begründung')
    const withdrawn = await t.client.as(world.spokesperson.cookie).form(`/positions/${position.id}/withdraw`, { reason: 'Überholt' })
    expect(withdrawn.status).toBe(303)
    expect(withdrawn.headers.get('location')).toBe(`/p/${position.slug}`)
  })

  it('puts the panel on the position page for spokespersons, and co-signing for delegates', async () => {
    const position = await adoptedPosition(t, world)
    const forSpokesperson = await (await t.client.as(world.spokesperson.cookie).get(`/positions/${position.id}`)).text()
    expect(forSpokesperson).toContain(`action="/positions/${position.id}/publish"`)
    expect(forSpokesperson).toContain('Auf eurer Website einbinden')
    const forMember = await (await t.client.as(world.member.cookie).get(`/positions/${position.id}`)).text()
    expect(forMember).not.toContain(`action="/positions/${position.id}/publish"`)

    await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
    const published = await (await t.client.as(world.spokesperson.cookie).get(`/positions/${position.id}`)).text()
    expect(published).toContain(`action="/positions/${position.id}/withdraw"`)
    expect(published).toContain(`href="/p/${position.slug}"`)
    const delegate = world.delegates[0]!
    const forDelegate = await (await t.client.as(delegate.cookie).get(`/positions/${position.id}`)).text()
    expect(forDelegate).toContain(`Für ${delegate.initiativeName} mitzeichnen`)
  })

  it('refuses the panel to people who may not publish', async () => {
    const position = await adoptedPosition(t, world)
    expect((await t.client.as(world.member.cookie).get(`/positions/${position.id}/publish`)).status).toBe(403)
    expect((await t.client.as(world.member.cookie).form(`/positions/${position.id}/publish`, {})).status).toBe(403)
  })
})
