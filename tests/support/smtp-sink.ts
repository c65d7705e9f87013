import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface SmtpSink {
  url: string
  port: number
  /** Every mail the server accepted, parsed, in order. */
  mails: ParsedMail[]
  /** How many DATA commands began (accepted or not). */
  dataStarted(): number
  /** Resolves once `n` mails were accepted. */
  waitForMails(n: number, timeoutMs?: number): Promise<ParsedMail[]>
  /** Resolves once `n` DATA commands began. */
  waitForData(n: number, timeoutMs?: number): Promise<void>
  /** While true, a mail's DATA is read but never answered (the sender waits, as on a slow server). */
  hold: boolean
  close(): Promise<void>
}

/** A real SMTP server on a free port that keeps what it receives; no TLS, no authentication. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ParsedMail[] = []
  let started = 0
  const listeners = new Set<() => void>()
  const changed = () => {
    for (const l of listeners) l()
  }
  const sink: SmtpSink = {
    url: '',
    port: 0,
    mails,
    hold: false,
    dataStarted: () => started,
    waitForMails: (n, timeoutMs = 15_000) => until(() => mails.length >= n, timeoutMs, `${n} mails (got ${mails.length})`).then(() => mails),
    waitForData: (n, timeoutMs = 15_000) => until(() => started >= n, timeoutMs, `${n} DATA commands`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
  const until = (done: () => boolean, timeoutMs: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done()) return
        clearTimeout(timer)
        listeners.delete(check)
        resolve()
      }
      const timer = setTimeout(() => {
        listeners.delete(check)
        reject(new Error(`SMTP sink: waited in vain for ${what}`))
      }, timeoutMs)
      listeners.add(check)
      check()
    })
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      started++
      changed()
      const held = sink.hold
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (held) return // never answered: the client sees no 250
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          mails.push(mail)
          callback()
          changed()
        }, callback)
      })
    },
  })
  // A client that dies mid-mail (the crash test kills it) resets its connection; that is expected.
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = server.server.address()
  sink.port = typeof address === 'object' && address ? address.port : 0
  sink.url = `smtp://127.0.0.1:${sink.port}`
  return sink
}
