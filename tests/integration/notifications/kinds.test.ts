import { describe, expect, it } from 'vitest'
import type { Db } from '../../../db/connection.ts'
import { all, run } from '../../../db/query.ts'
import { adoptedPosition, buildPublishingWorld } from '../../support/adopt.ts'
import { addToInitiative, buildPerson, sessionCookie } from '../../support/factories.ts'
import { buildRoundWorld, DAY, HOUR, openRoundVia } from '../../support/round-world.ts'
import { testApp } from '../../support/test-app.ts'

const mailsTo = (db: Db, kind: string) =>
  all(db, db.q.selectFrom('mail_outbox').select(['person_id', 'subject', 'text_body']).where('kind', '=', kind)).map((r) => r.person_id)
const notified = (db: Db, kind: string) => all(db, db.q.selectFrom('notifications').select('person_id').where('kind', '=', kind)).map((r) => r.person_id)

describe('who is told what', () => {
  it('mails an invitation, and a password reset to someone who has a password; the admin still gets the link', async () => {
    const t = await testApp()
    const admin = buildPerson(t.db, { admin: true })
    const adminClient = t.client.as(sessionCookie(t.db, admin.id, t.clock.now()))
    const fresh = buildPerson(t.db)
    const known = buildPerson(t.db, { passwordHash: 'x' })
    const res = await adminClient.post(`/api/people/${fresh.id}/invite`)
    expect(res.status).toBe(201)
    const { setupUrl: url } = (await res.json()) as { setupUrl: string }
    expect(url).toMatch(/\/setup\//)
    await adminClient.post(`/api/people/${known.id}/invite`)
    const rows = all(t.db, t.db.q.selectFrom('mail_outbox').select(['kind', 'person_id', 'text_body', 'unsubscribe_url']))
    expect(rows.map((r) => [r.kind, r.person_id])).toEqual([
      ['invitation', fresh.id],
      ['password_reset', known.id],
    ])
    expect(rows[0]!.text_body).toContain(url)
    // Nobody can turn these off: no unsubscribe link.
    expect(rows[0]!.unsubscribe_url).toBeNull()
    t.close()
  })

  it('reminds before the deadline only those whose vote is missing, never through a delegate of an initiative that answered, once', async () => {
    const t = await testApp()
    const world = buildRoundWorld(t, { weights: [1, 1, 1] })
    // A second delegate of the first initiative: reached through neither once the first answered.
    const colleague = buildPerson(t.db)
    addToInitiative(t.db, world.delegates[0]!.initiativeId, colleague.id, 'delegate')
    const roundId = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + 3 * DAY).toISOString() })
    expect(await world.delegates[0]!.client.put(`/api/rounds/${roundId}/ballot`, { choice: 'consent' })).toHaveProperty('status', 200)

    await t.deps.notifications.runOnce(t.deps)
    expect(mailsTo(t.db, 'closing_soon')).toEqual([])
    t.clock.advance(2 * DAY + HOUR)
    await t.deps.notifications.runOnce(t.deps)
    expect(mailsTo(t.db, 'closing_soon').sort()).toEqual([world.delegates[1]!.personId, world.delegates[2]!.personId].sort())
    t.clock.advance(HOUR)
    await t.deps.notifications.runOnce(t.deps)
    expect(mailsTo(t.db, 'closing_soon')).toHaveLength(2)
    t.close()
  })

  it('sends no reminder for a round shorter than the reminder time', async () => {
    const t = await testApp()
    const world = buildRoundWorld(t, { weights: [1, 1] })
    await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + 12 * HOUR).toISOString(), shortNotice: { reason: 'Eilt' } })
    t.clock.advance(11 * HOUR)
    await t.deps.notifications.runOnce(t.deps)
    expect(mailsTo(t.db, 'closing_soon')).toEqual([])
    t.close()
  })

  it('lets the coordinator nudge the missing ones at most once every 6 hours, and records it', async () => {
    const t = await testApp()
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const roundId = await openRoundVia(t, world)
    await world.delegates[0]!.client.put(`/api/rounds/${roundId}/ballot`, { choice: 'consent' })
    const first = await world.coordinator.post(`/api/rounds/${roundId}/nudge`)
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ reminded: 1 })
    expect(mailsTo(t.db, 'nudge')).toEqual([world.delegates[1]!.personId])
    t.clock.advance(5 * HOUR)
    const again = await world.coordinator.post(`/api/rounds/${roundId}/nudge`)
    expect(again.status).toBe(429)
    expect(await again.json()).toMatchObject({ error: { code: 'nudge_too_soon' } })
    // A delegate may not nudge.
    expect((await world.delegates[1]!.client.post(`/api/rounds/${roundId}/nudge`)).status).toBe(403)
    t.clock.advance(HOUR)
    expect((await world.coordinator.post(`/api/rounds/${roundId}/nudge`)).status).toBe(200)
    const recorded = all(t.db, t.db.q.selectFrom('round_reminders').select(['kind', 'sent_by', 'recipients']).where('round_id', '=', roundId))
    expect(recorded).toEqual([
      { kind: 'nudge', sent_by: world.coordinatorId, recipients: 1 },
      { kind: 'nudge', sent_by: world.coordinatorId, recipients: 1 },
    ])
    t.close()
  })

  it('tells electorate and working group about an extension and a cancellation', async () => {
    const t = await testApp()
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const roundId = await openRoundVia(t, world)
    const extended = await world.coordinator.post(`/api/rounds/${roundId}/extend`, { closesAt: new Date(t.clock.now() + 10 * DAY).toISOString(), reason: 'Ferien' })
    expect(extended.status).toBe(200)
    const everyone = [world.coordinatorId, ...world.delegates.map((d) => d.personId)].sort()
    expect(notified(t.db, 'deadline_extended').sort()).toEqual(everyone)
    expect((await world.coordinator.post(`/api/rounds/${roundId}/cancel`, { reason: 'Falsche Fassung' })).status).toBe(200)
    expect(notified(t.db, 'round_cancelled').sort()).toEqual(everyone)
    // Default for these: collected for the daily digest, not mailed at once.
    expect(mailsTo(t.db, 'round_cancelled')).toEqual([])
    t.close()
  })

  it('tells the result, the spokespersons that a position is ready, and everybody of publishing and withdrawing', async () => {
    const t = await testApp()
    const world = buildPublishingWorld(t)
    const position = await adoptedPosition(t, world)
    expect(notified(t.db, 'round_closed')).toContain(world.coordinator.id)
    expect(notified(t.db, 'round_closed')).toContain(world.delegates[0]!.id)
    expect(notified(t.db, 'adopted')).toEqual([world.spokesperson.id])
    const spokes = t.client.as(world.spokesperson.cookie)
    expect((await spokes.post(`/api/positions/${position.id}/publish`, {})).status).toBe(200)
    expect(notified(t.db, 'published')).toContain(world.member.id)
    expect((await spokes.post(`/api/positions/${position.id}/withdraw`, { reason: 'Überholt' })).status).toBe(200)
    expect(notified(t.db, 'withdrawn')).toContain(world.member.id)
    t.close()
  })

  it('collects digest kinds into one mail a day at 07:00', async () => {
    const t = await testApp()
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const roundId = await openRoundVia(t, world)
    await world.coordinator.post(`/api/rounds/${roundId}/cancel`, { reason: 'Falsche Fassung' })
    // 10:00 UTC = 11:00 in Berlin: the next digest is tomorrow at 07:00.
    await t.deps.notifications.runOnce(t.deps)
    expect(mailsTo(t.db, 'digest')).toEqual([])
    t.clock.set(Date.parse('2026-11-22T06:00:00Z'))
    await t.deps.notifications.runOnce(t.deps)
    const digests = all(t.db, t.db.q.selectFrom('mail_outbox').select(['person_id', 'subject', 'text_body', 'unsubscribe_url']).where('kind', '=', 'digest'))
    expect(digests).toHaveLength(3)
    expect(digests[0]!.subject).toBe('Sprachrohr: Neues seit gestern (1)')
    expect(digests[0]!.text_body).toContain('Abgebrochen:')
    // Sent once.
    t.clock.advance(DAY)
    await t.deps.notifications.runOnce(t.deps)
    expect(mailsTo(t.db, 'digest')).toHaveLength(3)
    run(t.db, t.db.q.deleteFrom('mail_outbox'))
    t.close()
  })
})
