import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// The folder rules of docs/ARCHITECTURE.md ("Dependency direction"), read off every import
// specifier of every source file: static, type-only, re-exports, import() and require().
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/
const SKIP = new Set(['node_modules', 'dist', '.build'])

/** Source files under `folder`, relative to the repository root. */
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

/** Every module specifier a file names. */
function importsOf(source: string): string[] {
  // TypeScript's own scanner: import/export … from, import(), require(), /// <reference>.
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName)
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec)

/** The top folder (server, web, shared, db, tests, …) a relative import of `file` lands in. */
function targetFolder(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null
  const target = relative(ROOT, resolve(ROOT, dirname(file), spec))
  return target.split(sep)[0] ?? null
}

interface Rule {
  folder: string
  /** Why a specifier is refused, or null when it is fine. */
  refuses: (spec: string, file: string) => string | null
}

const leaves = (file: string, spec: string, allowed: string[]) => {
  const target = targetFolder(file, spec)
  return target !== null && !allowed.includes(target) ? `imports ${target}/` : null
}

const RULES: Rule[] = [
  {
    // Runs in the browser and in Node: neither Node's modules nor anything of ours outside shared/.
    folder: 'shared',
    refuses: (spec, file) => (isNodeBuiltin(spec) ? 'imports a Node module' : leaves(file, spec, ['shared'])),
  },
  {
    // db/ is the storage layer: it knows SQLite and its own schema, nothing of ours above it.
    folder: 'db',
    refuses: (spec, file) => leaves(file, spec, ['db']),
  },
  {
    // What the browser gets, and the views the server renders: shared/ only, never server/ or db/.
    folder: 'web',
    refuses: (spec, file) => {
      if (file.startsWith(`web${sep}scripts${sep}`) && isNodeBuiltin(spec)) return 'browser code imports a Node module'
      if (file === join('web', 'vite.config.ts')) return null
      return leaves(file, spec, ['web', 'shared'])
    },
  },
  {
    // Nothing outside tests/ depends on the tests.
    folder: 'server',
    refuses: (spec, file) => leaves(file, spec, ['server', 'web', 'shared', 'db']),
  },
]

/** Every forbidden import in the repository, as "file: specifier (why)". */
function violations(): string[] {
  const found: string[] = []
  for (const rule of RULES) {
    for (const file of sourceFiles(rule.folder)) {
      for (const spec of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
        const why = rule.refuses(spec, file)
        if (why) found.push(`${file}: '${spec}' (${why})`)
      }
    }
  }
  return found
}

describe('folder boundaries', () => {
  it('no file imports across a boundary the architecture forbids', () => {
    expect(violations()).toEqual([])
  })

  it('reads every kind of import, so that a forbidden one cannot hide', () => {
    const source = [
      "import { a } from '../server/a.ts'",
      "import type { B } from '../db/b.ts'",
      "export { c } from './c.ts'",
      "import './side-effect.ts'",
      "const d = await import('node:fs')",
      "const e = require('path')",
      'import {',
      '  f,',
      "} from '../tests/f.ts'",
    ].join('\n')
    expect(importsOf(source).sort()).toEqual(['../db/b.ts', '../server/a.ts', '../tests/f.ts', './c.ts', './side-effect.ts', 'node:fs', 'path'].sort())
  })

  it.each([
    ['shared/x.ts', 'node:fs', 'imports a Node module'],
    ['shared/x.ts', 'crypto', 'imports a Node module'],
    ['shared/rules/x.ts', '../../server/deps.ts', 'imports server/'],
    ['db/x.ts', '../shared/errors.ts', 'imports shared/'],
    ['web/views/x.tsx', '../../server/deps.ts', 'imports server/'],
    ['web/views/x.tsx', '../../db/connection.ts', 'imports db/'],
    ['web/scripts/x.ts', 'node:path', 'browser code imports a Node module'],
    ['server/x.ts', '../tests/support/clock.ts', 'imports tests/'],
  ])('refuses %s importing %s', (file, spec, why) => {
    const rule = RULES.find((r) => file.startsWith(`${r.folder}/`))!
    expect(rule.refuses(spec, file.split('/').join(sep))).toBe(why)
  })

  it.each([
    ['shared/rules/x.ts', './tally.ts'],
    ['shared/x.ts', 'yjs'],
    ['web/views/x.tsx', '../../shared/errors.ts'],
    ['server/x.ts', '../web/views/layout.tsx'],
    ['db/schema/x.ts', '../connection.ts'],
  ])('allows %s importing %s', (file, spec) => {
    const rule = RULES.find((r) => file.startsWith(`${r.folder}/`))!
    expect(rule.refuses(spec, file.split('/').join(sep))).toBeNull()
  })
})
