import type { CommentStreams } from './comments/comment-streams.ts'
import type { Db } from '../db/connection.ts'
import type { LoginThrottle } from './auth/login-throttle.ts'
import type { TurnCommit } from '../db/turn-commit.ts'
import type { Config } from './config.ts'
import type { LruCache } from './context/lru-cache.ts'
import type { AppEvents } from './events.ts'
import type { StaticFiles } from './http/static-files.ts'
import type { Logger } from './log.ts'
import type { Etags } from './publishing/conditional.ts'
import type { PublicationStamps } from './publishing/publication-stamps.ts'
import type { ResponseCache } from './publishing/response-cache.ts'
import type { VisitorPages } from './publishing/visitor-pages.ts'
import type { ElectorateTotals } from './rounds/electorate-totals.ts'
import type { NotificationJobs } from './notifications/notification-jobs.ts'
import type { Renderer } from './render/renderer.ts'
import type { Languages } from '../shared/i18n/languages.ts'

/**
 * The app context: what domain functions need from the outside world, and every piece of
 * in-memory state the app keeps. Built once, by `createAppContext` (server/app-context.ts), when
 * the app starts; everything in it lives as long as the app and no longer, so two apps in one
 * process share nothing and a test sees (and may clear) each cache. The clock is injected so
 * that expiry, deadlines and throttling are testable; domain code never calls Date.now() itself.
 */
export interface Deps {
  /** The connection; its prepared statements (`db.statements`) live with it. */
  db: Db
  config: Config
  log: Logger
  now: () => number
  events: AppEvents
  /** Changes whenever the database may have changed (db/write-mark.ts): the guard of caches of reads. */
  writeMark: () => string
  /** Caches of hot reads; each is bounded and has `size` and `clear()`. */
  caches: AppCaches
  throttles: { login: LoginThrottle }
  /** A hash unknown emails are checked against (server/auth/log-in.ts); made on first use. */
  unknownEmailHash: () => Promise<string>
  /** The outbox sender, reminders and digests: their timer and SMTP transport (server/notifications). */
  notifications: NotificationJobs
  /** The one per-turn commit of ballots and editor updates (db/turn-commit.ts). */
  turnCommit: TurnCommit
  /** Renders of drafts, versions, diffs and PDFs: in a worker thread when large, cached. */
  renders: Renderer
  /** The interface languages: German, English and the language packs installed at start. */
  languages: Languages
  /** The open comment event streams per person, capped (server/comments/comment-streams.ts). */
  commentStreams: CommentStreams
}

export interface AppCaches {
  /** Finished public pages, JSON and the feed for visitors without a session. */
  publicResponses: ResponseCache
  /** The same pages as whole responses under the write mark, for the visitor fast path (http-server.ts). */
  visitorPages: VisitorPages
  /** Rendered public PDFs (positions and translations) by their ETag. */
  pdfs: LruCache<string, Uint8Array>
  /** Recent ETags of response bases (and the token that makes them differ after a restart). */
  etags: Etags
  /** Publication stamps (what a public page's ETag depends on), while nothing was written. */
  publicationStamps: PublicationStamps
  /** The never-changing electorate totals of rounds. */
  electorateTotals: ElectorateTotals
  /** /assets/* files with their ETags. */
  staticFiles: StaticFiles
}
