// Plain JavaScript so that tests/e2e/run.mjs (run by node without a TypeScript loader) and the
// TypeScript helpers share one answer to "which browser do we drive".
import { accessSync, constants } from 'node:fs'

/** Debian's package installs the browser here (`apt-get install chromium`). */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium'

/** The Chromium executable to drive: $CHROMIUM_PATH if set, else Debian's; null when not runnable. */
export function findChromium(env = process.env) {
  const candidate = env.CHROMIUM_PATH || DEFAULT_CHROMIUM
  try {
    accessSync(candidate, constants.X_OK)
    return candidate
  } catch {
    return null
  }
}
