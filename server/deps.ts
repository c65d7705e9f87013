import type { Db } from '../db/connection.ts'
import type { Config } from './config.ts'
import type { AppEvents } from './events.ts'
import type { Logger } from './log.ts'
import type { Renderer } from './render/renderer.ts'

/**
 * What domain functions need from the outside world. The clock is injected so that expiry,
 * deadlines and throttling are testable; domain code never calls Date.now() itself.
 */
export interface Deps {
  db: Db
  config: Config
  log: Logger
  now: () => number
  events: AppEvents
  /** Renders of drafts, versions, diffs and PDFs: in a worker thread when large, cached. */
  renders: Renderer
}
