import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toLocalInput } from '../../../shared/zoned-time.ts'
import { writeDraft } from '../../support/drafts.ts'
import { buildRoundWorld, DAY, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('the ballot page', () => {
  it('shows the frozen text, the choices with explanations, time left and participation', async () => {
    const world = buildRoundWorld(t, { draft: ['Wir fordern bezahlbaren Wohnraum.'] })
    const id = await openRoundVia(t, world)
    const res = await world.delegates[0]!.client.get(`/rounds/${id}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1>Konsensrunde: ')
    expect(html).toContain('Wir fordern bezahlbaren Wohnraum.')
    expect(html).toContain('noch 7 Tage')
    // Participation in the words of the result sentence and the round history: voters counted, share by weight.
    expect(html).toContain('Beteiligung: 0 von 4 Initiativen (0\u00a0% des Stimmgewichts)')
    expect(await (await world.delegates[0]!.client.get(`/positions/${world.positionId}`)).text()).toContain(
      'Beteiligung: 0 von 4 Initiativen (0\u00a0% des Stimmgewichts)',
    )
    expect(html).toMatch(/<fieldset[^>]*><legend>Deine Antwort für Initiative \d+<\/legend>/)
    for (const label of ['Zustimmung', 'Zustimmung mit Bedenken', 'Beiseitetreten', 'Einwand']) expect(html).toContain(`">${label}</label>`)
    expect(html).toContain('id="choice-objection-hint"')
    expect(html).toContain('<label for="ballot-reason">Begründung</label>')
    expect(html).toContain('Das ist die erste Fassung')
    expect(html).not.toMatch(/\sstyle=|<script>/)
  })

  it('refuses an objection without reason in the form, keeping the choice, then accepts it with one', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    const client = world.delegates[0]!.client
    const refused = await client.form(`/rounds/${id}/ballot`, { choice: 'objection', reason: '', initiativeId: world.delegates[0]!.initiativeId })
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain('Bitte begründe deinen Einwand')
    expect(html).toMatch(/id="choice-objection" name="choice" value="objection" checked/)
    expect(html).toContain('aria-invalid="true"')

    const ok = await client.form(`/rounds/${id}/ballot`, { choice: 'objection', reason: 'Absatz 3 widerspricht unserem Beschluss.' })
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe(`/rounds/${id}?saved=1#ballot-heading`)
    const after = await (await client.get(`/rounds/${id}?saved=1`)).text()
    expect(after).toContain('Deine Antwort ist gespeichert.')
    expect(after).toContain('Bisherige Antwort für')
    expect(after).toContain('Absatz 3 widerspricht unserem Beschluss.')
    expect(after).toContain('Antwort ändern')
  })

  it('tells people outside the electorate that they can only read', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    const html = await (await world.coordinator.get(`/rounds/${id}`)).text()
    expect(html).toContain('nicht stimmberechtigt')
    expect(html).toContain('Runde jetzt beenden')
  })

  it('shows the result in words after the coordinator closes the round', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    for (const d of world.delegates.slice(0, 3)) await d.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    const unconfirmed = await world.coordinator.form(`/rounds/${id}/close`, {})
    expect(unconfirmed.status).toBe(400)
    expect(await unconfirmed.text()).toContain('Die Runde läuft weiter')
    const closed = await world.coordinator.form(`/rounds/${id}/close`, { confirm: 'yes' })
    expect(closed.status).toBe(303)
    const html = await (await world.delegates[3]!.client.get(`/rounds/${id}`)).text()
    // The same sentence as the public page, PDF and feed; counts and weight told apart.
    expect(html).toContain(
      'Im Konsens beschlossen am 21. November 2026: 3 von 4 Initiativen haben zugestimmt. Beteiligung: 3 von 4 Initiativen (75\u00a0% des Stimmgewichts)',
    )
    expect(html).toContain('Quorum erreicht (50')
    // A closed round no longer invites changing an answer.
    expect(html).not.toContain('bis zum Ende ändern')
    // The answers by weight as a bar with a text alternative.
    expect(html).toMatch(/<svg role="img" aria-labelledby="result-bar-title"[^>]*><title id="result-bar-title">Antworten nach Stimmgewicht: Zustimmung: 3 \(Stimmgewicht 3, 75\u00a0%\)/)
    expect(html).not.toContain('name="choice"')
  })

  it('speaks of a round nobody answered in the past tense once it has ended', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    expect(await (await world.coordinator.get(`/rounds/${id}`)).text()).toContain('Noch hat niemand geantwortet.')
    expect((await world.coordinator.post(`/api/rounds/${id}/close`)).status).toBe(200)
    const html = await (await world.coordinator.get(`/rounds/${id}`)).text()
    expect(html).toContain('Niemand hat geantwortet.')
    expect(html).not.toContain('Noch hat niemand')
    expect(html).not.toContain('bis zum Ende ändern')
  })

  it('shows the changes since the previous version with <ins> and <del> and text labels', async () => {
    const world = buildRoundWorld(t, { draft: ['Die Stadt muss handeln.'] })
    await world.coordinator.post(`/api/positions/${world.positionId}/versions`)
    writeDraft(t.db, world.positionId, ['Das Land muss sofort handeln.'])
    const id = await openRoundVia(t, world)
    const html = await (await world.delegates[0]!.client.get(`/rounds/${id}`)).text()
    expect(html).toContain('Was sich gegenüber Fassung 1 geändert hat')
    expect(html).toMatch(/<ins><span class="visually-hidden">eingefügt: <\/span><span class="diff-mark" aria-hidden="true">\+<\/span>Das Land<\/ins>/)
    expect(html).toMatch(/<del><span class="visually-hidden">gestrichen: <\/span><span class="diff-mark" aria-hidden="true">−<\/span>Die Stadt<\/del>/)
    expect(html).toContain('± Geänderter Absatz')
  })
})

describe('the open-round form', () => {
  it('comes with sensible defaults: consent, initiatives, 50 %, closing in 7 days', async () => {
    const world = buildRoundWorld(t)
    const html = await (await world.coordinator.get(`/positions/${world.positionId}/rounds/new`)).text()
    expect(html).toMatch(/id="open-kind-consent" name="kind" value="consent" checked/)
    expect(html).toMatch(/id="open-electorate-initiatives" name="electorate" value="initiatives" checked/)
    expect(html).toMatch(/name="quorum"[^>]*value="50"/)
    expect(html).toContain(`value="${toLocalInput(t.clock.now() + 7 * DAY)}"`)
    expect(html).toContain('<label for="open-closes-at">Ende der Runde</label>')
  })

  it('opens a round from the form and goes to its ballot page', async () => {
    const world = buildRoundWorld(t)
    const res = await world.coordinator.form(`/positions/${world.positionId}/rounds`, {
      kind: 'vote',
      electorate: 'initiatives',
      majority: 'two_thirds',
      quorum: '60',
      closesAt: toLocalInput(t.clock.now() + 3 * DAY),
      version: 'new',
      secret: '1',
    })
    expect(res.status).toBe(303)
    const location = res.headers.get('location')!
    expect(location).toMatch(/^\/rounds\/\w+$/)
    const round = (await (await world.coordinator.get(`/api${location}`)).json()) as Record<string, unknown>
    expect(round).toMatchObject({ kind: 'vote', majority: 'two_thirds', quorum: 0.6, secret: true, versionNumber: 1 })
    expect(Date.parse(round.closesAt as string)).toBe(Math.floor((t.clock.now() + 3 * DAY) / 60_000) * 60_000)
  })

  it('shows what is wrong and keeps the entered values', async () => {
    const world = buildRoundWorld(t)
    const res = await world.coordinator.form(`/positions/${world.positionId}/rounds`, {
      kind: 'vote',
      electorate: 'members',
      majority: 'absolute',
      quorum: '150',
      closesAt: toLocalInput(t.clock.now() + DAY),
      version: 'new',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Das Quorum muss eine Zahl zwischen 0 und 100 sein.')
    expect(html).toMatch(/id="open-kind-vote" name="kind" value="vote" checked/)
    expect(html).toMatch(/id="open-electorate-members" name="electorate" value="members" checked/)
    expect(html).toMatch(/value="absolute" selected/)

    const past = await world.coordinator.form(`/positions/${world.positionId}/rounds`, {
      kind: 'consent',
      electorate: 'initiatives',
      quorum: '50',
      closesAt: toLocalInput(t.clock.now() - DAY),
      version: 'new',
    })
    expect(past.status).toBe(400)
    expect(await past.text()).toContain('Das Ende der Runde muss in der Zukunft liegen')
    expect(t.db.sqlite.prepare('select count(*) as n from rounds').get()).toEqual({ n: 0 })
  })

  it('is only for coordinators', async () => {
    const world = buildRoundWorld(t)
    expect((await world.delegates[0]!.client.get(`/positions/${world.positionId}/rounds/new`)).status).toBe(403)
  })
})

describe('version pages', () => {
  it('shows one version with its hash, and the diff page between two', async () => {
    const world = buildRoundWorld(t, { draft: ['Erster Satz.', 'Zweiter Satz.'] })
    const frozen = await world.coordinator.form(`/positions/${world.positionId}/versions`, {})
    expect(frozen.status).toBe(303)
    expect(frozen.headers.get('location')).toBe(`/positions/${world.positionId}/versions/1?frozen=1`)
    writeDraft(t.db, world.positionId, ['Erster Satz.', 'Ganz neuer Satz.', 'Noch einer.'])
    await world.coordinator.post(`/api/positions/${world.positionId}/versions`)

    const page = await (await world.delegates[0]!.client.get(`/positions/${world.positionId}/versions/1?frozen=1`)).text()
    expect(page).toContain('Fassung 1 ist eingefroren.')
    expect(page).toContain('<p>Zweiter Satz.</p>')
    const hash = (t.db.sqlite.prepare('select hash from versions where number = 1').get() as { hash: string }).hash
    expect(page).toContain(`<code class="hash-value">${hash}</code>`)

    const diff = await (await world.delegates[0]!.client.get(`/positions/${world.positionId}/diff?from=1&to=2`)).text()
    expect(diff).toContain('Änderungen von Fassung 1 zu Fassung 2')
    expect(diff).toContain('+ Neuer Absatz')
    expect(diff).toContain('<ins>')
    expect(diff).toContain('<del>')
    expect((await world.delegates[0]!.client.get(`/positions/${world.positionId}/versions/9`)).status).toBe(404)
  })
})
