import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import type { AppEnv } from './app-env.ts'

const webDir = fileURLToPath(new URL('../../web/', import.meta.url))
/** Where an asset is looked up, in order: the Vite build output, then hand-written styles. */
const roots = [join(webDir, 'dist', 'assets'), join(webDir, 'styles')]

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

interface Cached { body: Buffer; etag: string; mtimeMs: number; type: string }

/**
 * Assets read from disk with their ETags, one set per app (`deps.caches.staticFiles`). The set
 * of files is fixed by the build, so the cache is bounded by it; a file whose modification time
 * changed is read again.
 */
export class StaticFiles {
  readonly #byPath = new Map<string, Cached>()

  get(name: string): Cached | undefined {
    return load(this.#byPath, name)
  }

  get size(): number {
    return this.#byPath.size
  }

  clear(): void {
    this.#byPath.clear()
  }
}

function load(cache: Map<string, Cached>, name: string): Cached | undefined {
  for (const root of roots) {
    const file = normalize(join(root, name))
    if (!file.startsWith(root + sep)) return undefined
    let mtimeMs: number
    try {
      const st = statSync(file)
      if (!st.isFile()) continue
      mtimeMs = st.mtimeMs
    } catch {
      continue
    }
    const hit = cache.get(file)
    if (hit && hit.mtimeMs === mtimeMs) return hit
    const body = readFileSync(file)
    const entry: Cached = {
      body,
      mtimeMs,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      type: TYPES[extname(file)] ?? 'application/octet-stream',
    }
    cache.set(file, entry)
    return entry
  }
  return undefined
}

/** Serves /assets/* with an ETag; old phones on slow links then revalidate instead of re-downloading. */
export const staticAssets = new Hono<AppEnv>().get('/:name{[A-Za-z0-9._-]+}', (c) => {
  const asset = c.get('deps').caches.staticFiles.get(c.req.param('name'))
  if (!asset) return c.text('Not found', 404)
  c.header('ETag', asset.etag)
  c.header('Cache-Control', 'no-cache')
  if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304)
  c.header('Content-Type', asset.type)
  return c.body(new Uint8Array(asset.body))
})
