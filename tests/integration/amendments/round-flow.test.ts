import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { startRoundDeadlines } from '../../../server/jobs/round-deadlines.ts'
import type { AmendmentRoundJson } from '../../../shared/amendments/amendment-round-json.ts'
import { ALLE, BEZAHLBAR, buildAmendmentWorld, openAmendmentRoundRequest, openAmendmentRoundVia, proposeAmendment, voteOnAmendments } from '../../support/amendment-round-world.ts'
import { DAY, HOUR } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'
import { toLocalInput } from '../../../shared/zoned-time.ts'
import { pageText } from '../../support/page-text.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => {
  vi.useRealTimers()
  t.close()
})

const iso = (ms: number) => new Date(ms).toISOString()
const stored = (id: string) => t.db.sqlite.prepare('select status, closes_at from amendment_rounds where id = ?').get(id) as { status: string; closes_at: number }
const amendmentRow = (id: string) => t.db.sqlite.prepare('select status, round_id from amendments where id = ?').get(id) as { status: string; round_id: string | null }

describe('short notice on an amendment round', () => {
  it('refuses a deadline under 24 hours without a reason, and keeps and shows the reason given', async () => {
    const w = await buildAmendmentWorld(t)
    const a1 = await proposeAmendment(w, ALLE, 'alle Menschen.')
    const refused = await openAmendmentRoundRequest(t, w, [a1], { closesAt: iso(t.clock.now() + 3 * HOUR) })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ error: { code: 'deadline_too_soon', field: 'shortNotice' } })
    expect(amendmentRow(a1).round_id).toBeNull()

    const id = await openAmendmentRoundVia(t, w, [a1], { closesAt: iso(t.clock.now() + 3 * HOUR), shortNotice: { reason: 'Die Versammlung ist heute Abend.' } })
    const round = (await (await w.delegates[0]!.client.get(`/api/rounds/${id}`)).json()) as AmendmentRoundJson
    expect(round.shortNoticeReason).toBe('Die Versammlung ist heute Abend.')
    expect(await (await w.delegates[0]!.client.get(`/rounds/${id}`)).text()).toContain('Die Versammlung ist heute Abend.')
  })
})

describe('extending an amendment round', () => {
  it('moves the deadline later with a reason, in the audit log and on the round; the job then closes it at the new deadline', async () => {
    const w = await buildAmendmentWorld(t)
    const a1 = await proposeAmendment(w, ALLE, 'alle Menschen.')
    const start = t.clock.now()
    const id = await openAmendmentRoundVia(t, w, [a1], { closesAt: iso(start + 2 * DAY) })
    const res = await w.coordinator.post(`/api/rounds/${id}/extend`, { closesAt: iso(start + 4 * DAY), reason: 'Zwei Initiativen tagen erst Donnerstag.' })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(await res.json()).toMatchObject({ kind: 'amendments', closesAt: iso(start + 4 * DAY), extensions: [{ from: iso(start + 2 * DAY), to: iso(start + 4 * DAY), reason: 'Zwei Initiativen tagen erst Donnerstag.' }] })
    expect(auditEventsFor(t.db, 'amendment_round', id).map((e) => e.action)).toContain('amendment_round.extend')
    expect(await (await w.delegates[0]!.client.get(`/rounds/${id}`)).text()).toContain('Zwei Initiativen tagen erst Donnerstag.')

    t.clock.advance(3 * DAY)
    const job = startRoundDeadlines(t.deps)
    job.stop()
    expect(stored(id).status).toBe('open')
    // A ballot after the old deadline counts.
    expect((await voteOnAmendments(w, 0, id, { [a1]: 'yes' })).status).toBe(200)
    t.clock.advance(DAY)
    startRoundDeadlines(t.deps).stop()
    expect(stored(id).status).toBe('closed')
  })

  it('refuses an earlier deadline, a missing reason, bad input and anyone but the coordinator, with 4xx', async () => {
    const w = await buildAmendmentWorld(t)
    const a1 = await proposeAmendment(w, ALLE, 'alle Menschen.')
    const id = await openAmendmentRoundVia(t, w, [a1], { closesAt: iso(t.clock.now() + 2 * DAY) })
    const earlier = await w.coordinator.post(`/api/rounds/${id}/extend`, { closesAt: iso(t.clock.now() + DAY), reason: 'Eilt.' })
    expect(earlier.status).toBe(400)
    expect(await earlier.json()).toMatchObject({ error: { code: 'validation', field: 'newClosesAt' } })
    expect((await w.coordinator.post(`/api/rounds/${id}/extend`, { closesAt: iso(t.clock.now() + 3 * DAY), reason: '   ' })).status).toBe(400)
    expect((await w.coordinator.post(`/api/rounds/${id}/extend`, { closesAt: 'morgen', reason: 'x' })).status).toBe(400)
    expect((await w.coordinator.post(`/api/rounds/${id}/extend`, 'kein JSON', { 'content-type': 'application/json' })).status).toBe(400)
    expect((await w.coordinator.post(`/api/rounds/${id}/cancel`, { reason: 7 })).status).toBe(400)
    expect((await w.delegates[0]!.client.post(`/api/rounds/${id}/extend`, { closesAt: iso(t.clock.now() + 3 * DAY), reason: 'x' })).status).toBe(403)
    expect((await w.delegates[0]!.client.post(`/api/rounds/${id}/cancel`, { reason: 'x' })).status).toBe(403)
    expect(stored(id)).toEqual({ status: 'open', closes_at: t.clock.now() + 2 * DAY })
  })

  it('closes a round past its deadline instead of extending it, and answers round_closed', async () => {
    const w = await buildAmendmentWorld(t)
    const a1 = await proposeAmendment(w, ALLE, 'alle Menschen.')
    const id = await openAmendmentRoundVia(t, w, [a1], { closesAt: iso(t.clock.now() + 2 * DAY) })
    t.clock.advance(2 * DAY)
    const res = await w.coordinator.post(`/api/rounds/${id}/extend`, { closesAt: iso(t.clock.now() + 2 * DAY), reason: 'Zu spät.' })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'round_closed' } })
    expect(stored(id).status).toBe('closed')
  })
})

describe('cancelling an amendment round', () => {
  it('ends it without a result, opens its amendments again, records it, and refuses later ballots saying it was cancelled', async () => {
    const w = await buildAmendmentWorld(t)
    const a1 = await proposeAmendment(w, ALLE, 'alle Menschen.')
    const a2 = await proposeAmendment(w, BEZAHLBAR, 'guten')
    const id = await openAmendmentRoundVia(t, w, [a1, a2])
    expect((await voteOnAmendments(w, 0, id, { [a1]: 'yes', [a2]: 'yes' })).status).toBe(200)
    const res = await w.coordinator.post(`/api/rounds/${id}/cancel`, { reason: 'Der Text wird neu gefasst.' })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Der Text wird neu gefasst.', amendments: [{ outcome: null, result: null }, { outcome: null, result: null }] })
    expect(amendmentRow(a1)).toEqual({ status: 'open', round_id: null })
    expect(amendmentRow(a2)).toEqual({ status: 'open', round_id: null })
    expect(auditEventsFor(t.db, 'amendment_round', id).map((e) => e.action)).toContain('amendment_round.cancel')

    const late = await voteOnAmendments(w, 1, id, { [a1]: 'no', [a2]: 'no' })
    expect(late.status).toBe(409)
    expect(await late.json()).toMatchObject({ error: { code: 'round_closed', message: expect.stringContaining('abgebrochen') } })
    expect((await w.coordinator.post(`/api/rounds/${id}/cancel`, { reason: 'Nochmal.' })).status).toBe(409)
    expect((await w.coordinator.post(`/api/rounds/${id}/extend`, { closesAt: iso(t.clock.now() + 9 * DAY), reason: 'x' })).status).toBe(409)
    // The deadline job leaves a cancelled round alone.
    t.clock.advance(8 * DAY)
    startRoundDeadlines(t.deps).stop()
    expect(stored(id).status).toBe('cancelled')
    // The amendments can be put to a vote again.
    expect((await openAmendmentRoundRequest(t, w, [a1, a2])).status).toBe(201)
  })
})

describe('the forms of an amendment round, without JavaScript', () => {
  it('open with the short-notice box, extend and cancel from the round page, each saying what is wrong', async () => {
    const w = await buildAmendmentWorld(t)
    const a1 = await proposeAmendment(w, ALLE, 'alle Menschen.')
    const soon = toLocalInput(t.clock.now() + 5 * HOUR)
    const tooSoon = await w.coordinator.form(`/positions/${w.positionId}/amendment-rounds`, { amendmentIds: a1, quorum: '50', closesAt: soon })
    expect(tooSoon.status).toBe(400)
    expect(pageText(await tooSoon.text())).toContain('Eine so kurzfristige Runde braucht eine ausdrückliche Bestätigung mit Begründung.')
    const opened = await w.coordinator.form(`/positions/${w.positionId}/amendment-rounds`, { amendmentIds: a1, quorum: '50', closesAt: soon, shortNotice: '1', shortNoticeReason: 'Versammlung heute.' })
    expect(opened.status).toBe(303)
    const id = opened.headers.get('location')!.replace('/rounds/', '')

    const coordinatorPage = await (await w.coordinator.get(`/rounds/${id}`)).text()
    expect(coordinatorPage).toContain('Frist verlängern')
    expect(coordinatorPage).toContain('Die Änderungsanträge sind danach wieder offen.')
    expect(await (await w.delegates[0]!.client.get(`/rounds/${id}`)).text()).not.toContain('Frist verlängern')

    const earlier = await w.coordinator.form(`/rounds/${id}/extend`, { closesAt: toLocalInput(t.clock.now() + HOUR), reason: 'Eilt.' })
    expect(earlier.status).toBe(400)
    expect(await earlier.text()).toContain('Das neue Ende muss nach dem bisherigen liegen.')
    const extended = await w.coordinator.form(`/rounds/${id}/extend`, { closesAt: toLocalInput(t.clock.now() + 2 * DAY), reason: 'Mehr Zeit.' })
    expect(extended.status).toBe(303)
    expect(stored(id).closes_at).toBe(Math.floor((t.clock.now() + 2 * DAY) / 60_000) * 60_000)

    const unconfirmed = await w.coordinator.form(`/rounds/${id}/cancel`, { reason: 'Falsche Fassung.' })
    expect(unconfirmed.status).toBe(400)
    expect(await unconfirmed.text()).toContain('Bitte bestätige zuerst, dass sie abgebrochen werden soll.')
    const cancelled = await w.coordinator.form(`/rounds/${id}/cancel`, { reason: 'Falsche Fassung.', confirm: 'yes' })
    expect(cancelled.status).toBe(303)
    expect(stored(id).status).toBe('cancelled')
    const after = await (await w.delegates[0]!.client.get(`/rounds/${id}`)).text()
    expect(after).toContain('Falsche Fassung.')
    expect(after).toContain('Abgebrochen, ohne Ergebnis')

    // A ballot form sent after the cancellation says so instead of a silent page.
    const late = await w.delegates[0]!.client.form(`/rounds/${id}/amendment-ballot`, { voter: w.delegates[0]!.initiativeId, [`choice-${a1}`]: 'yes' })
    expect(late.status).toBe(409)
    expect(await late.text()).toContain('Deine Antwort wurde nicht gezählt.')
  })
})
