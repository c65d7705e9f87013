import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { closeDatabase, openDatabase, type Db } from '../../../db/connection.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { appendUpdate } from '../../../server/sync/doc.repo.ts'
import { processMemory, type MemoryFigures } from '../lib/proc-stats.ts'
import { FRAGMENT } from '../load/edits.ts'
import { OUR_MAIN } from './built-server.ts'
import { freePort, httpAnswers, RunningChild } from './child-process.ts'

/**
 * Our server for the HTTP scenarios (voting, public page): a fresh database seeded directly
 * (people with sessions, no password logins), then `server/main.ts` in a child process. The
 * steps under test (opening and closing rounds, ballots, publishing, page views) go over HTTP.
 */
export class OurServer {
  private constructor(
    readonly child: RunningChild,
    readonly port: number,
    readonly dataDir: string,
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get pid(): number {
    return this.child.pid
  }

  get databaseFile(): string {
    return join(this.dataDir, 'sprachrohr.sqlite')
  }

  static async start<T>(seed: (db: Db) => T, nodeArgs: string[] = []): Promise<{ server: OurServer; seeded: T }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'sprachrohr-bench-http-'))
    const db = openDatabase(join(dataDir, 'sprachrohr.sqlite'))
    let seeded: T
    try {
      await migrateToLatest(db)
      seeded = seed(db)
    } finally {
      closeDatabase(db)
    }
    const port = await freePort()
    const origin = `http://127.0.0.1:${port}`
    const child = await RunningChild.start({
      script: OUR_MAIN,
      env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: origin },
      logFile: join(dataDir, 'server.log'),
      nodeArgs,
      ready: httpAnswers(`${origin}/`),
    })
    return { server: new OurServer(child, port, dataDir), seeded }
  }

  /** A JSON API call as a browser page would make it (same Origin, session cookie). */
  async api<T>(method: string, path: string, cookie: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.origin}${path}`, {
      method,
      headers: { origin: this.origin, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`)
    return (text ? JSON.parse(text) : null) as T
  }

  memory(): MemoryFigures | null {
    return processMemory(this.child.pid)
  }

  async stop(): Promise<void> {
    await this.child.stop()
  }
}

/** Stores a short draft (a few paragraphs, as TipTap writes them) so that a version can be frozen. */
export function seedDraft(db: Db, positionId: string, paragraphs: string[]): void {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment(FRAGMENT)
  fragment.insert(
    0,
    paragraphs.map((text) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(text)])
      return paragraph
    }),
  )
  appendUpdate(db, positionId, Y.encodeStateAsUpdate(doc))
  doc.destroy()
}

export const DRAFT_TEXT = [
  'Das Bündnis fordert, dass Geflüchtete vom ersten Tag an Zugang zu Sprachkursen erhalten.',
  'Wohnsitzauflagen verhindern Arbeit und Ausbildung; sie sind abzuschaffen.',
  'Die Kommunen brauchen eine verlässliche Finanzierung der Beratungsstellen.',
]
