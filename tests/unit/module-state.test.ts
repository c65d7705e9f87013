import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// "State has an owner you can see" (STYLE.md §8): caches, queues and throttles belong to the app
// context (server/app-context.ts), never to a module, where two apps in one process would share
// them and no test could see them. This reads every top-level declaration in server/ and db/ and
// fails on one that holds state: a `let` or `var`, or an empty Map/Set/WeakMap/WeakSet (to be
// filled later) in a `const` or a static class field. Constant tables (`new Set([...])`) pass.
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/
const SKIP = new Set(['node_modules', 'dist', '.build'])
const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet'])
const MAYBE_STATE = /^\s*(export\s+)?(let|var)\s|new\s+(Weak)?(Map|Set)\b/m

/**
 * What may stay, as "file: name", each with the reason. Keep it short: a new entry needs a reason
 * why the state cannot live in the context.
 */
const ALLOWED = new Map<string, string>([
  // Immutable once built: the list of common passwords, lower-cased, built on first use so that a
  // server nobody logs in to does not hold it. It is the same for every app in the process.
  ['server/auth/passwords.ts: common', 'a constant built late'],
  // Owned by the sync-core and commit-batcher work of issue 15 (engineer lifecycle15), which moves
  // them into the context; remove these lines with it.
  ['db/group-commit.ts: queues', 'moving to the context'],
  ['db/group-commit.ts: commits', 'moving to the context'],
  ['server/sync/frame-writer.ts: lastPayload', 'moving to the context'],
  ['server/sync/frame-writer.ts: lastFrame', 'moving to the context'],
  ['server/sync/frame-writer.ts: dirty', 'moving to the context'],
  ['server/sync/sync-endpoint.ts: corked', 'moving to the context'],
])

function sourceFiles(folder: string): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name)) walk(path)
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path)
    }
  }
  walk(folder)
  return files
}

function isEmptyCollection(node: ts.Expression | undefined): boolean {
  return (
    node !== undefined &&
    ts.isNewExpression(node) &&
    ts.isIdentifier(node.expression) &&
    COLLECTIONS.has(node.expression.text) &&
    (node.arguments?.length ?? 0) === 0
  )
}

/** The names of the module-level declarations in `source` that hold state. */
export function moduleState(source: string, fileName = 'x.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const found: string[] = []
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      const constant = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0
      for (const declaration of statement.declarationList.declarations) {
        if (!constant || isEmptyCollection(declaration.initializer)) found.push(declaration.name.getText(file))
      }
    } else if (ts.isClassDeclaration(statement)) {
      for (const member of statement.members) {
        const isStatic = ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
        if (isStatic && ts.isPropertyDeclaration(member) && isEmptyCollection(member.initializer)) {
          found.push(`${statement.name?.text ?? 'class'}.${member.name.getText(file)}`)
        }
      }
    }
  }
  return found
}

describe('module-level state', () => {
  it('server/ and db/ keep no state outside the app context (except the commented allow-list)', { timeout: 30_000 }, () => {
    const found: string[] = []
    for (const folder of ['server', 'db']) {
      for (const path of sourceFiles(folder)) {
        const file = path.split('\\').join('/')
        const source = readFileSync(join(ROOT, path), 'utf8')
        // Parsing every file is slow on a busy machine: only files that could hold state are parsed.
        if (!MAYBE_STATE.test(source)) continue
        for (const name of moduleState(source, file)) {
          const entry = `${file}: ${name}`
          if (!ALLOWED.has(entry)) found.push(entry)
        }
      }
    }
    expect(found).toEqual([])
  })

  it('finds each kind of module state and lets constants pass', () => {
    const source = [
      'let counter = 0',
      'var legacy',
      'export let exported: string | undefined',
      'const cache = new Map<string, number>()',
      'const byDb = new WeakMap()',
      'const seen: Set<string> = new Set()',
      'class Registry { static all = new Map(); static readonly LIMIT = 3 }',
      "const TABLE = new Set(['a', 'b'])",
      'const LIMIT = 10',
      'function f() { let local = 1; const m = new Map(); return local + m.size }',
      'export class Cache { readonly entries = new Map() }',
    ].join('\n')
    expect(moduleState(source)).toEqual(['counter', 'legacy', 'exported', 'cache', 'byDb', 'seen', 'Registry.all'])
  })
})
