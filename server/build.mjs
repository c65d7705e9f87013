#!/usr/bin/env node
// Builds what `npm start` and the CLI run: the server and the CLI as plain JavaScript in
// server/dist/ (git-ignored), run with `node`. Packages stay external (they load from
// node_modules as they are); only our own TypeScript and hono/jsx views are bundled.
//
// Plain JavaScript so that it runs from a fresh clone with nothing but `node`. The tests build
// through the same function (tests/support/build-server.ts), so they run what users run.
import { copyFile, mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../', import.meta.url))
export const SERVER_DIST = fileURLToPath(new URL('./dist/', import.meta.url))

/** The shipped entry points: name in server/dist → source. */
export const ENTRIES = {
  main: 'server/main.ts',
  cli: 'server/cli/main.ts',
  // Started as a worker thread by server/render/render-pool.ts, from its file next to main.js.
  'render-worker': 'server/render/render-worker.ts',
}

/**
 * Bundles `entries` into `outdir`. The bundles sit two folders below the repository root
 * (server/dist/), like the sources they come from (server/http/, server/cli/): paths that the
 * code derives from import.meta.url (web/ for assets) hold in both.
 */
export async function buildServer({ entries = ENTRIES, outdir = SERVER_DIST, clean = true } = {}) {
  if (clean) await rm(outdir, { recursive: true, force: true })
  await mkdir(outdir, { recursive: true })
  await build({
    absWorkingDir: root,
    entryPoints: Object.entries(entries).map(([out, input]) => ({ in: input, out })),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Modules loaded on first use (import()) become chunks of their own.
    splitting: true,
    outExtension: { '.js': '.js' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    // The views are hono/jsx (tsconfig.json says so too; esbuild reads it from there as well).
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'warning',
  })
  // The checkpoint worker is started by file (a worker thread), next to the code that starts it:
  // db/ in the sources, server/dist/ in the build.
  await copyFile(join(root, 'db', 'checkpoint-worker.mjs'), join(outdir, 'checkpoint-worker.mjs'))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now()
  await buildServer()
  console.error(`server/dist gebaut in ${Math.round(performance.now() - started)} ms`)
}
