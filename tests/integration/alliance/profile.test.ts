import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPublishingWorld, type PublishingWorld } from '../../support/adopt.ts'
import { jpegHeader, multipart, pngBytes } from '../../support/images.ts'
import { TEST_ORIGIN, testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let world: PublishingWorld

const PROFILE = {
  name: 'Bündnis Bleiberecht Nord',
  description: 'Ein Zusammenschluss von 31 Initiativen der Geflüchtetenhilfe.',
  website: 'https://bleiberecht-nord.example',
  contactEmail: 'kontakt@bleiberecht-nord.example',
  pressContact: 'Mira Yilmaz, 0170 1234567',
  imprintText: 'Bündnis Bleiberecht Nord\nMusterstraße 1\n20095 Hamburg',
  privacyUrl: 'https://bleiberecht-nord.example/datenschutz',
}

function upload(cookie: string, file: { name: string; type: string; bytes: Buffer }, field = 'logo') {
  const { body, contentType } = multipart(field, file.name, file.type, file.bytes)
  return t.app.request('/api/alliance/logo', { method: 'POST', headers: { origin: TEST_ORIGIN, cookie, 'content-type': contentType, 'content-length': String(body.length) }, body: new Uint8Array(body) })
}

beforeAll(async () => {
  t = await testApp()
  world = buildPublishingWorld(t, { initiatives: 2 })
})
afterAll(() => t.close())

describe('the alliance profile', () => {
  it('says "Sprachrohr" until an admin sets it', async () => {
    const res = await t.client.get('/api/public/alliance')
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(await res.json()).toMatchObject({ name: 'Sprachrohr', website: null, contact: null, logo: null, imprint: null })
  })

  it('is changed by admins only', async () => {
    expect((await t.client.put('/api/alliance', PROFILE)).status).toBe(401)
    const refused = await t.client.as(world.spokesperson.cookie).put('/api/alliance', PROFILE)
    expect(refused.status).toBe(403)
    const res = await t.client.as(world.admin.cookie).put('/api/alliance', PROFILE)
    expect(res.status).toBe(200)
    const pub = await (await t.client.get('/api/public/alliance')).json()
    expect(pub).toMatchObject({
      name: PROFILE.name,
      description: PROFILE.description,
      website: PROFILE.website,
      contact: PROFILE.contactEmail,
      pressContact: PROFILE.pressContact,
      imprint: `${TEST_ORIGIN}/impressum`,
      privacy: PROFILE.privacyUrl,
    })
  })

  it('refuses a website that is not a web address, and an unknown field', async () => {
    const bad = await t.client.as(world.admin.cookie).put('/api/alliance', { ...PROFILE, website: 'javascript:alert(1)' })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { code: 'validation', field: 'website' } })
    const unknown = await t.client.as(world.admin.cookie).put('/api/alliance', { ...PROFILE, color: 'red' })
    expect(unknown.status).toBe(400)
  })

  it('shows the Impressum as a page of its own and sends the visitor to an outside privacy statement', async () => {
    const imprint = await t.client.get('/impressum')
    expect(imprint.status).toBe(200)
    const html = await imprint.text()
    expect(html).toContain('<h1>Impressum</h1>')
    expect(html).toContain('Musterstraße 1<br/>20095 Hamburg')
    const privacy = await t.client.get('/datenschutz')
    expect(privacy.status).toBe(302)
    expect(privacy.headers.get('location')).toBe(PROFILE.privacyUrl)
  })

  it('saves the profile from the admin form and shows the form again with the message when a field is wrong', async () => {
    const page = await t.client.as(world.admin.cookie).get('/admin/alliance')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(`value="${PROFILE.website}"`)
    const refused = await t.client.as(world.admin.cookie).form('/admin/alliance', { name: PROFILE.name, contactEmail: 'nicht-mail' })
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain('Bitte gib eine gültige E-Mail-Adresse an.')
    expect(html).toContain('value="nicht-mail"')
    const saved = await t.client.as(world.admin.cookie).form('/admin/alliance', { ...PROFILE, name: 'Bündnis Bleiberecht Nord e. V.' })
    expect(saved.status).toBe(303)
    expect((await (await t.client.get('/api/public/alliance')).json()).name).toBe('Bündnis Bleiberecht Nord e. V.')
    await t.client.as(world.admin.cookie).put('/api/alliance', PROFILE)
  })
})

describe('the logo upload', () => {
  it('takes a PNG and serves it at a versioned URL', async () => {
    const png = pngBytes(120, 40)
    const res = await upload(world.admin.cookie, { name: 'logo.png', type: 'image/png', bytes: png })
    expect(res.status, await res.clone().text()).toBe(201)
    const body = (await res.json()) as { logo: { url: string; width: number; height: number } }
    expect(body.logo).toMatchObject({ width: 120, height: 40 })
    const image = await t.client.get(body.logo.url.replace(TEST_ORIGIN, ''))
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true)
  })

  it('takes a JPEG', async () => {
    const res = await upload(world.admin.cookie, { name: 'logo.jpg', type: 'image/jpeg', bytes: jpegHeader(300, 100) })
    expect(res.status, await res.clone().text()).toBe(201)
    expect((await res.json()).logo).toMatchObject({ type: 'image/jpeg', width: 300, height: 100 })
    await upload(world.admin.cookie, { name: 'logo.png', type: 'image/png', bytes: pngBytes(120, 40) })
  })

  it('refuses an SVG, whatever it is called', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    for (const file of [
      { name: 'logo.svg', type: 'image/svg+xml', bytes: svg },
      { name: 'logo.png', type: 'image/png', bytes: svg },
    ]) {
      const res = await upload(world.admin.cookie, file)
      expect(res.status).toBe(415)
      expect(await res.json()).toMatchObject({ error: { code: 'image_type', field: 'logo', message: expect.stringContaining('PNG oder JPEG') } })
    }
  })

  it('refuses a text file renamed to .png and a PDF', async () => {
    for (const bytes of [Buffer.from('Hallo, ich bin kein Bild.'), Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')]) {
      const res = await upload(world.admin.cookie, { name: 'logo.png', type: 'image/png', bytes })
      expect(res.status).toBe(415)
      expect((await res.json()).error.code).toBe('image_type')
    }
  })

  it('refuses a file above the cap with 413 and says how large it may be', async () => {
    const res = await upload(world.admin.cookie, { name: 'huge.png', type: 'image/png', bytes: pngBytes(10, 10, [0, 0, 0], 600 * 1024) })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large', field: 'logo', message: expect.stringContaining('512 KB') } })
  })

  it('refuses an upload without the logo field, and anybody but an admin', async () => {
    const missing = await upload(world.admin.cookie, { name: 'logo.png', type: 'image/png', bytes: pngBytes(10, 10) }, 'bild')
    expect(missing.status).toBe(400)
    const forbidden = await upload(world.spokesperson.cookie, { name: 'logo.png', type: 'image/png', bytes: pngBytes(10, 10) })
    expect(forbidden.status).toBe(403)
  })

  it('shows a refused upload on the admin page with its reason', async () => {
    const { body, contentType } = multipart('logo', 'logo.svg', 'image/svg+xml', Buffer.from('<svg/>'))
    const res = await t.app.request('/admin/alliance/logo', { method: 'POST', headers: { origin: TEST_ORIGIN, cookie: world.admin.cookie, 'content-type': contentType }, body: new Uint8Array(body) })
    expect(res.status).toBe(415)
    expect(await res.text()).toContain('Diese Datei ist kein PNG- oder JPEG-Bild.')
  })
})

describe('the "Über uns" page', () => {
  it('names only the initiatives that agreed, and the working groups', async () => {
    const [first, second] = world.delegates
    let html = await (await t.client.get('/ueber-uns')).text()
    expect(html).not.toContain(first!.initiativeName)
    expect(html).toContain(world.groupName)
    // The initiative's delegate agrees for their initiative, not for another.
    expect((await t.client.as(first!.cookie).put(`/api/initiatives/${first!.initiativeId}/listing`, { listed: true })).status).toBe(200)
    expect((await t.client.as(first!.cookie).put(`/api/initiatives/${second!.initiativeId}/listing`, { listed: true })).status).toBe(403)
    html = await (await t.client.get('/ueber-uns')).text()
    expect(html).toContain(first!.initiativeName)
    expect(html).not.toContain(second!.initiativeName)
    // The admin form sets exactly the checked ones.
    expect((await t.client.as(world.admin.cookie).form('/admin/alliance/listing', { listed: [second!.initiativeId] })).status).toBe(303)
    html = await (await t.client.get('/ueber-uns')).text()
    expect(html).not.toContain(first!.initiativeName)
    expect(html).toContain(second!.initiativeName)
    expect(html).toContain(PROFILE.contactEmail)
  })
})
