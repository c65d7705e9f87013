import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import type { AppEnv } from './app-env.ts'

// Only the server's app imports this module, so it stays in the server's bundle, two folders
// below the repository root like its source (server/build.mjs): the path holds in both.
const webDir = fileURLToPath(new URL('../../web/', import.meta.url))
// The Ethiopic web font (Tigrinya, Amharic): many laptops and browsers have no system font for
// that script and show empty boxes; app.css loads it only for those characters (unicode-range).
const ethiopicFonts = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-ethiopic/400.css')), 'files')
/** Where an asset is looked up, in order: the Vite build output, hand-written styles, web fonts. */
const roots = [join(webDir, 'dist', 'assets'), join(webDir, 'styles'), ethiopicFonts]

/** Serves /assets/* with an ETag; old phones on slow links then revalidate instead of re-downloading. */
export const staticAssets = new Hono<AppEnv>().get('/:name{[A-Za-z0-9._-]+}', (c) => {
  const asset = c.get('deps').caches.staticFiles.get(roots, c.req.param('name'))
  if (!asset) return c.text('Not found', 404)
  c.header('ETag', asset.etag)
  c.header('Cache-Control', 'no-cache')
  if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304)
  c.header('Content-Type', asset.type)
  return c.body(new Uint8Array(asset.body))
})
