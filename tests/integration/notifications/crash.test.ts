import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../../db/connection.ts'
import { all, transaction } from '../../../db/query.ts'
import { queueNotification } from '../../../server/notifications/queue-notification.ts'
import { startServer, type E2eServer } from '../../e2e/support/server.ts'
import { buildPerson } from '../../support/factories.ts'
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts'
import { testApp, TEST_ORIGIN } from '../../support/test-app.ts'

let server: E2eServer | undefined
let smtp: SmtpSink | undefined
afterAll(async () => {
  await server?.kill('SIGKILL')
  await smtp?.close()
})

const DAY = 24 * 3600_000

it('loses no mail and sends none twice when the server is killed (SIGKILL) between commit and delivery', { timeout: 90_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sprachrohr-mail-crash-'))
  const file = join(dataDir, 'sprachrohr.sqlite')
  // Two invitations committed to the outbox of the data directory the built server will use.
  const t = await testApp({ file, config: { publicUrl: TEST_ORIGIN } })
  const [first, second] = [buildPerson(t.db, { email: 'erste@example.org' }), buildPerson(t.db, { email: 'zweite@example.org' })]
  const invite = (personId: string) =>
    transaction(t.db, () => queueNotification(t.deps, 'invitation', { personId, url: `${TEST_ORIGIN}/setup/x.y`, expiresAt: Date.now() + DAY }))
  invite(first.id)
  t.close()

  smtp = await startSmtpSink()
  const start = () => startServer({ dataDir, env: { PUBLIC_URL: TEST_ORIGIN, SMTP_URL: smtp!.url } })

  // 1. The server sends; the SMTP server reads the mail but never confirms it; the server dies.
  smtp.hold = true
  server = await start()
  await smtp.waitForData(1)
  await server.kill('SIGKILL')
  expect(smtp.mails).toHaveLength(0)

  // 2. After the restart the mail goes out (with the same Message-ID) and is marked delivered.
  smtp.hold = false
  server = await start()
  const [mail] = await smtp.waitForMails(1)
  expect(mail!.to).toMatchObject({ value: [{ address: 'erste@example.org' }] })
  const sentAt = async () => {
    for (let i = 0; i < 100; i++) {
      const db = openDatabase(file)
      const rows = all(db, db.q.selectFrom('mail_outbox').select(['to_address', 'sent_at']))
      closeDatabase(db)
      if (rows.every((r) => r.sent_at !== null)) return rows
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error('the outbox was never marked delivered')
  }
  await sentAt()
  await server.kill('SIGKILL')

  // 3. Another crash and restart: the delivered mail is not sent again. A second mail, queued
  //    later, shows that the sender ran its pass over the outbox.
  const again = await testApp({ file, config: { publicUrl: TEST_ORIGIN } })
  transaction(again.db, () =>
    queueNotification(again.deps, 'invitation', { personId: second.id, url: `${TEST_ORIGIN}/setup/x.y`, expiresAt: Date.now() + DAY }),
  )
  again.close()
  server = await start()
  await smtp.waitForMails(2)
  await sentAt()
  await server.stop()
  server = undefined
  expect(smtp.mails.map((m) => (m.to as { value: Array<{ address: string }> }).value[0]!.address)).toEqual(['erste@example.org', 'zweite@example.org'])
  expect(smtp.dataStarted()).toBe(3)
})
