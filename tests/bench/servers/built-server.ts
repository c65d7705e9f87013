import { join } from 'node:path'
import { buildServer, SERVER_DIST } from '../../../server/build.mjs'
import { REPO_ROOT } from './child-process.ts'

/** What `npm start` runs. */
export const OUR_MAIN = join(SERVER_DIST, 'main.js')
/** The same, with the rate limit lifted (servers/lift-rate-limit.ts); two folders deep like server/dist. */
export const OUR_MAIN_UNTHROTTLED = join(REPO_ROOT, 'tests', '.build', 'bench-main-unthrottled.js')

/** Builds our server as `npm start` does, once per benchmark run: the figures are those of what ships. */
export async function buildOurServer(): Promise<void> {
  await buildServer({ clean: false })
  await buildServer({ entries: { 'bench-main-unthrottled': 'tests/bench/servers/main-unthrottled.ts' }, outdir: join(REPO_ROOT, 'tests', '.build'), clean: false })
}
