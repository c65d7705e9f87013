import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

export interface StaticFile { body: Buffer; etag: string; mtimeMs: number; type: string }

/**
 * Asset files read from disk with their ETags, one set per app (`deps.caches.staticFiles`). The
 * files are fixed by the build, so the cache is bounded by them; a file whose modification time
 * changed is read again. The folders to look in come from the caller (static-assets.ts): this
 * module is part of the app context, which the CLI bundles too, so its own import.meta.url may
 * sit in a chunk one folder deeper than the server's.
 */
export class StaticFiles {
  readonly #byPath = new Map<string, StaticFile>()

  /** `name` looked up in `roots`, in order; undefined when no root has it. */
  get(roots: readonly string[], name: string): StaticFile | undefined {
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
      const hit = this.#byPath.get(file)
      if (hit && hit.mtimeMs === mtimeMs) return hit
      const body = readFileSync(file)
      const entry: StaticFile = {
        body,
        mtimeMs,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
        type: TYPES[extname(file)] ?? 'application/octet-stream',
      }
      this.#byPath.set(file, entry)
      return entry
    }
    return undefined
  }

  get size(): number {
    return this.#byPath.size
  }

  clear(): void {
    this.#byPath.clear()
  }
}
