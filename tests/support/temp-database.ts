import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeDatabase, openDatabase, type Db } from '../../db/connection.ts'

/**
 * Database files in a fresh temp folder, for tests that need a real file (WAL, a second
 * connection, a worker). `cleanup` closes every connection opened through `open` and removes
 * the folder; call it in afterEach.
 */
export function tempDatabases(prefix: string) {
  const opened: Db[] = []
  let dir: string | undefined
  return {
    /** A new file path in this test's folder. */
    file(): string {
      dir ??= mkdtempSync(join(tmpdir(), `${prefix}-`))
      return join(dir, 'test.sqlite')
    },
    open(file: string): Db {
      const db = openDatabase(file)
      opened.push(db)
      return db
    },
    cleanup(): void {
      for (const db of opened.splice(0)) closeDatabase(db)
      if (dir) rmSync(dir, { recursive: true, force: true })
      dir = undefined
    },
  }
}
