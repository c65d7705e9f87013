import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ParsedMail } from 'mailparser'
import { all } from '../../../db/query.ts'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import type { AmendmentListJson } from '../../../server/amendments/read-amendments.ts'
import type { CommentsJson } from '../../../shared/comments/comment-json.ts'
import { addToInitiative, buildPerson, sessionCookie } from '../../support/factories.ts'
import { buildRoundWorld, type RoundWorld } from '../../support/round-world.ts'
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts'
import { testApp, TEST_ORIGIN, type TestApp, type TestClient } from '../../support/test-app.ts'

// "bezahlbaren Wohnraum" in the draft's first paragraph.
const PASSAGE = { from: 13, to: 33 }
const REASON = 'Qualität zählt, nicht nur der Preis.'

let smtp: SmtpSink
let t: TestApp
beforeAll(async () => {
  smtp = await startSmtpSink()
  t = await testApp({ config: { smtpUrl: smtp.url } })
})
afterAll(async () => {
  await t.close()
  await smtp.close()
})

/** Delivers the outbox and returns the mails this delivery sent. */
async function deliver(): Promise<ParsedMail[]> {
  const before = smtp.mails.length
  const { sent } = await t.deps.notifications.runOnce(t.deps)
  return (await smtp.waitForMails(before + sent)).slice(before)
}
const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address
const nameOf = (id: string) => all(t.db, t.db.q.selectFrom('people').select('name').where('id', '=', id))[0]!.name
const emailOf = (id: string) => all(t.db, t.db.q.selectFrom('people').select('email').where('id', '=', id))[0]!.email
const inApp = (personId: string, kind: string) => all(t.db, t.db.q.selectFrom('notifications').select(['url']).where('person_id', '=', personId).where('kind', '=', kind))

interface World extends RoundWorld {
  title: string
  amendmentId: string
  threadId: string
}

/** A position with version 1, and Ä1 proposed by the first delegate, supported by the second. */
async function world(): Promise<World> {
  const w = buildRoundWorld(t, { weights: [1, 1, 1], draft: ['Wir fordern bezahlbaren Wohnraum für alle.'] })
  expect((await w.coordinator.post(`/api/positions/${w.positionId}/versions`, {})).status).toBe(201)
  const res = await w.delegates[0]!.client.post(`/api/positions/${w.positionId}/amendments`, { versionNumber: 1, ...PASSAGE, text: 'guten Wohnraum', reason: REASON })
  expect(res.status, await res.clone().text()).toBe(201)
  const { id } = (await res.json()) as { id: string }
  expect((await w.delegates[1]!.client.post(`/api/amendments/${id}/support`, {})).status).toBe(200)
  const title = all(t.db, t.db.q.selectFrom('positions').select('title').where('id', '=', w.positionId))[0]!.title
  const listed = await amendments(w.coordinator, w.positionId)
  return { ...w, title, amendmentId: id, threadId: listed[0]!.thread!.id }
}

async function amendments(client: TestClient, positionId: string): Promise<AmendmentListJson[]> {
  const res = await client.get(`/api/positions/${positionId}/amendments`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { amendments: AmendmentListJson[] }).amendments
}

async function reply(client: TestClient, threadId: string, body: string): Promise<string> {
  const res = await client.post(`/api/comments/${threadId}/replies`, { body })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { id: string }).id
}

describe('an amendment’s discussion', () => {
  it('is a comment thread on the amendment’s passage, opened by its reason when it is proposed, and the coordination is told', async () => {
    await deliver()
    // Open comment panels hear of the new thread (the event stream's "changed").
    const changed: string[] = []
    const onChanged = ({ positionId }: { positionId: string }) => changed.push(positionId)
    t.deps.events.on('comments-changed', onChanged)
    const w = await world()
    t.deps.events.off('comments-changed', onChanged)
    expect(changed).toEqual([w.positionId])
    const [a1] = await amendments(w.delegates[2]!.client, w.positionId)
    expect(a1!.thread).toEqual({ id: w.threadId, replies: 0, resolved: false })

    const comments = (await (await w.delegates[2]!.client.get(`/api/positions/${w.positionId}/comments?version=1`)).json()) as CommentsJson
    const thread = comments.comments.find((c) => c.id === w.threadId)!
    expect(thread).toMatchObject({ body: REASON, quote: 'bezahlbaren Wohnraum', anchor: { versionNumber: 1, ...PASSAGE }, amendment: { id: w.amendmentId, number: 1 }, canEdit: false })
    expect(thread.author?.id).toBe(w.delegates[0]!.personId)
    expect(auditEventsFor(t.db, 'comment', w.threadId).map((e) => [e.action, JSON.parse(e.data ?? '{}').amendmentId])).toEqual([['comment.create', w.amendmentId]])

    // The coordination decides it: told at once, by mail and in the app; the author is not told.
    const mails = await deliver()
    expect(mails.map(to)).toEqual([emailOf(w.coordinatorId)])
    expect(mails[0]!.subject).toBe(`Neuer Änderungsantrag Ä1: „${w.title}“`)
    expect(mails[0]!.text).toContain(`Die Begründung: ${REASON}`)
    expect(mails[0]!.text).toContain(`${TEST_ORIGIN}/positions/${w.positionId}/amendments#a-1`)
    expect(inApp(w.coordinatorId, 'amendment_proposed')).toHaveLength(1)
    expect(inApp(w.delegates[0]!.personId, 'amendment_proposed')).toHaveLength(0)
  })

  it('takes a reply from another delegate and tells the author, the supporter and who wrote there, not the one who replied', async () => {
    const w = await world()
    await deliver()
    const [author, supporter, third] = w.delegates
    const first = await reply(third!.client, w.threadId, 'Was heißt „gut“ genau?')
    const mails = await deliver()
    expect(mails.map(to).sort()).toEqual([emailOf(author!.personId), emailOf(supporter!.personId)].sort())
    const toAuthor = mails.find((m) => to(m) === emailOf(author!.personId))!
    expect(toAuthor.subject).toBe(`${nameOf(third!.personId)} hat zu Ä1 geantwortet: „${w.title}“`)
    expect(toAuthor.text).toContain('Die Antwort: Was heißt „gut“ genau?')
    expect(toAuthor.text).toContain(`${TEST_ORIGIN}/positions/${w.positionId}/amendments#comment-${first}`)
    expect(inApp(author!.personId, 'amendment_reply')).toEqual([{ url: `/positions/${w.positionId}/amendments#comment-${first}` }])

    // The author answers: the one who asked (a writer in the thread) and the supporter are told.
    await reply(author!.client, w.threadId, 'Gut heißt: bewohnbar und barrierefrei.')
    expect((await deliver()).map(to).sort()).toEqual([emailOf(supporter!.personId), emailOf(third!.personId)].sort())

    // Someone the reply mentions hears of it once, by the mention.
    await reply(supporter!.client, w.threadId, `Einverstanden, @${nameOf(third!.personId)}?`)
    const mentioned = await deliver()
    expect(mentioned.filter((m) => to(m) === emailOf(third!.personId)).map((m) => m.subject)).toEqual([`${nameOf(supporter!.personId)} hat dich erwähnt: „${w.title}“`])
    expect(mentioned.find((m) => to(m) === emailOf(third!.personId))!.text).toContain(`/positions/${w.positionId}/amendments#comment-`)
    expect(mentioned.map(to)).toContain(emailOf(author!.personId))

    expect((await amendments(w.coordinator, w.positionId))[0]!.thread).toMatchObject({ id: w.threadId, replies: 3 })
  })

  it('is read and written by whoever may read and write comments: a visitor gets 401, a person of no initiative and no group may read but not reply', async () => {
    const w = await world()
    const visitor = t.client
    expect((await visitor.get(`/api/positions/${w.positionId}/comments`)).status).toBe(401)
    expect((await visitor.post(`/api/comments/${w.threadId}/replies`, { body: 'Hallo' })).status).toBe(401)
    expect((await visitor.get(`/positions/${w.positionId}/amendments`)).status).not.toBe(200)

    const outsider = buildPerson(t.db, { name: 'Ohne Initiative' })
    const client = t.client.as(sessionCookie(t.db, outsider.id, t.clock.now()))
    expect((await client.post(`/api/comments/${w.threadId}/replies`, { body: 'Hallo' })).status).toBe(403)
    expect((await amendments(client, w.positionId))[0]!.thread!.replies).toBe(0)
    const page = await (await client.get(`/positions/${w.positionId}/amendments`)).text()
    expect(page).toContain('Diskussion zu Ä1')
    expect(page).not.toContain(`action="/amendments/${w.amendmentId}/replies"`)
    expect(page).toContain('Antworten können die Mitglieder der Arbeitsgruppe')

    // A member (not a delegate) of an initiative may reply, as with any comment.
    const member = buildPerson(t.db, { name: 'Mitglied M' })
    addToInitiative(t.db, w.delegates[0]!.initiativeId, member.id, 'member')
    await reply(t.client.as(sessionCookie(t.db, member.id, t.clock.now())), w.threadId, 'Ich bin dafür.')
    expect((await t.client.as(sessionCookie(t.db, member.id, t.clock.now())).post('/amendments/nope/replies', 'body=x', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(404)
  })

  it('keeps the history of an edited or deleted reply; the reason that opens it stays as proposed', async () => {
    const w = await world()
    const [author, , third] = w.delegates
    const id = await reply(third!.client, w.threadId, 'Erster Gedanke')
    expect((await third!.client.patch(`/api/comments/${id}`, { body: 'Zweiter Gedanke' })).status).toBe(200)
    expect((await author!.client.delete(`/api/comments/${id}`)).status).toBe(403)
    expect((await third!.client.delete(`/api/comments/${id}`)).status).toBe(200)
    expect(all(t.db, t.db.q.selectFrom('comment_edits').select('body').where('comment_id', '=', id).orderBy('id')).map((r) => r.body)).toEqual(['Erster Gedanke', 'Zweiter Gedanke'])
    expect(auditEventsFor(t.db, 'comment', id).map((e) => e.action)).toEqual(['comment.reply', 'comment.edit', 'comment.delete'])
    const page = await (await author!.client.get(`/positions/${w.positionId}/amendments`)).text()
    expect(page).toMatch(new RegExp(`id="comment-${id}"[\\s\\S]*?gelöscht`))
    expect(page).not.toContain('Zweiter Gedanke')
    expect((await amendments(w.coordinator, w.positionId))[0]!.thread!.replies).toBe(0)

    const edit = await author!.client.patch(`/api/comments/${w.threadId}`, { body: 'Andere Begründung' })
    expect(edit.status).toBe(409)
    expect(((await edit.json()) as { error: { message: string } }).error.message).toContain('Begründung des Änderungsantrags')
    expect((await author!.client.delete(`/api/comments/${w.threadId}`)).status).toBe(409)

    // The coordination may mark the discussion resolved, as any thread.
    expect((await w.coordinator.post(`/api/comments/${w.threadId}/resolve`, {})).status).toBe(200)
    expect((await amendments(w.coordinator, w.positionId))[0]!.thread!.resolved).toBe(true)
    expect(await (await author!.client.get(`/positions/${w.positionId}/amendments`)).text()).toContain('Diese Diskussion ist als erledigt markiert.')
  })

  it('is shown under its amendment with a reply form that works without JavaScript, in German and English', async () => {
    const w = await world()
    const [author, , third] = w.delegates
    const page = `/positions/${w.positionId}/amendments`
    await reply(author!.client, w.threadId, 'Mehr dazu: https://example.org/wohnen.')
    const html = await (await third!.client.get(page)).text()
    expect(html).toContain('Diskussion zu Ä1 <span class="muted">(1 Antwort)</span>')
    expect(html).toContain('<a href="https://example.org/wohnen">https://example.org/wohnen</a>.')
    expect(html).toContain(`<form method="post" action="/amendments/${w.amendmentId}/replies"`)
    expect(html).toContain(`<label for="reply-${w.amendmentId}-body">Deine Antwort zu Ä1</label>`)

    const empty = await third!.client.form(`/amendments/${w.amendmentId}/replies`, { body: '   ' })
    expect(empty.status).toBe(400)
    const refused = await empty.text()
    expect(refused).toMatch(/<title>Fehler \(1\)/)
    expect(refused).toContain(`href="#reply-${w.amendmentId}-body"`)
    expect(refused).toContain('Bitte schreib deine Antwort')

    const sent = await third!.client.form(`/amendments/${w.amendmentId}/replies`, { body: 'Ohne JavaScript geschrieben.' })
    expect(sent.status).toBe(303)
    const location = sent.headers.get('location')!
    expect(location).toMatch(new RegExp(`^${page}#comment-[a-z0-9]+$`))
    const after = await (await author!.client.get(page)).text()
    expect(after).toContain(`id="${location.split('#')[1]}"`)
    expect(after).toContain('Ohne JavaScript geschrieben.')
    expect(after).toContain('(2 Antworten)')

    const english = buildPerson(t.db, { name: 'Reader EN', locale: 'en' })
    addToInitiative(t.db, w.delegates[0]!.initiativeId, english.id, 'delegate')
    const en = await (await t.client.as(sessionCookie(t.db, english.id, t.clock.now())).get(page)).text()
    expect(en).toContain('Discussion of A1 <span class="muted">(2 replies)</span>')
    expect(en).toContain('Your reply on A1')
    expect(en).toContain('Send reply')
  })
})
