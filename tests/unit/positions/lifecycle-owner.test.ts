import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Reads the source: the position's status is written in exactly one place (setPositionStatus,
// used only by transition), so no feature can move a position past the lifecycle's rules.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const OWNER = { file: join('server', 'positions', 'position.repo.ts'), fn: 'setPositionStatus' }

function sourceFiles(folder: string): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path)
    }
  }
  walk(folder)
  return files
}

/** The text of the call's parentheses starting at `open` (the index of "("). */
function parenthesised(source: string, open: number): string {
  let depth = 0
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++
    else if (source[i] === ')' && --depth === 0) return source.slice(open, i + 1)
  }
  return source.slice(open)
}

/** Names of the functions in `source` that write positions.status (Kysely or raw SQL). */
export function statusWriters(source: string): string[] {
  const writers: string[] = []
  const enclosing = (at: number) => [...source.slice(0, at).matchAll(/function\s+(\w+)/g)].at(-1)?.[1] ?? '(top level)'
  for (const match of source.matchAll(/updateTable\(\s*['"`]positions\b/g)) {
    // The update statement: up to the next statement of the file, whichever comes first.
    const rest = source.slice(match.index)
    const end = rest.slice(1).search(/updateTable\(|insertInto\(|selectFrom\(|\nexport |\nfunction /)
    const statement = end === -1 ? rest : rest.slice(0, end + 1)
    const sets = [...statement.matchAll(/\.set\(/g)].map((m) => parenthesised(statement, m.index + 4))
    if (sets.some((set) => /(\bstatus\s*:|['"`]status['"`]|\{\s*status\s*[,}])/.test(set))) writers.push(enclosing(match.index))
  }
  for (const match of source.matchAll(/update\s+positions\b[^;`]*?\bset\b[^;`]*?\bstatus\b/gi)) writers.push(enclosing(match.index))
  return writers
}

describe('the position lifecycle has one owner', () => {
  it('finds the owner itself and the kinds of write it guards against (the check reads what it should)', () => {
    const owner = readFileSync(join(ROOT, OWNER.file), 'utf8')
    expect(statusWriters(owner)).toEqual([OWNER.fn])
    const formerWriter = `export function movePositionStatus(db, id, from, to, at) {
      return run(db, db.q.updateTable('positions').set({ status: to, draft_readonly: 1, updated_at: at }).where('id', '=', id))
    }`
    expect(statusWriters(formerWriter)).toEqual(['movePositionStatus'])
    expect(statusWriters('function raw(db) { db.sqlite.exec(`UPDATE positions SET status = \'adopted\' WHERE id = 1`) }')).toEqual(['raw'])
    expect(statusWriters("function rename(db) { db.q.updateTable('positions').set({ title, updated_at: at }).where('status', '=', 'drafting') }")).toEqual([])
  })

  it('no code but setPositionStatus writes positions.status', () => {
    const writers = ['server', 'db']
      .flatMap(sourceFiles)
      .filter((file) => !file.startsWith(join('db', 'migrations')))
      .flatMap((file) => statusWriters(readFileSync(join(ROOT, file), 'utf8')).map((fn) => `${file}: ${fn}`))
    expect(writers).toEqual([`${OWNER.file}: ${OWNER.fn}`])
  })

  it('only transition calls setPositionStatus', () => {
    const callers = sourceFiles('server').filter((file) => file !== OWNER.file && readFileSync(join(ROOT, file), 'utf8').includes('setPositionStatus'))
    expect(callers).toEqual([join('server', 'positions', 'transition.ts')])
  })

  it('every lifecycle event is fired through transition by the code that owns it', () => {
    const fired = (file: string) => readFileSync(join(ROOT, 'server', file), 'utf8')
    expect(fired('rounds/open-round.ts')).toMatch(/transition\(deps, [^)]*'open_round'/)
    expect(fired('rounds/close-round.ts')).toMatch(/transition\(deps, [^\n]*'close_adopted' : 'close_not_adopted'/)
    expect(fired('rounds/cancel-round.ts')).toMatch(/transition\(deps, [^\n]*'cancel'/)
    expect(fired('publishing/publish-position.ts')).toMatch(/transition\(deps, [^)]*'publish'/)
    expect(fired('publishing/withdraw-position.ts')).toMatch(/transition\(deps, [^)]*'withdraw'/)
    expect(fired('positions/archive-position.ts')).toMatch(/transition\(deps, [^)]*'archive'/)
  })
})

describe('rounds and versions', () => {
  it('have no import cycle: versions imports nothing from rounds (rounds freeze and read versions)', () => {
    const intoRounds = sourceFiles(join('server', 'versions')).flatMap((file) =>
      ts
        .preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true)
        .importedFiles.map((f) => f.fileName)
        .filter((spec) => spec.startsWith('.') && relative(ROOT, resolve(ROOT, dirname(file), spec)).startsWith(join('server', 'rounds') + sep))
        .map((spec) => `${file} → ${spec}`),
    )
    expect(intoRounds).toEqual([])
  })
})
