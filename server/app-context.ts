import { CommentStreams } from './comments/comment-streams.ts'
import type { Db } from '../db/connection.ts'
import { TurnCommit } from '../db/turn-commit.ts'
import { createWriteMark } from '../db/write-mark.ts'
import { lazyDummyHash } from './auth/log-in.ts'
import { LoginThrottle } from './auth/login-throttle.ts'
import type { Config } from './config.ts'
import { LruCache } from './context/lru-cache.ts'
import type { Deps } from './deps.ts'
import { AppEvents } from './events.ts'
import { StaticFiles } from './http/static-files.ts'
import type { Logger } from './log.ts'
import { Etags } from './publishing/conditional.ts'
import { PublicationStamps } from './publishing/publication-stamps.ts'
import { readPublicationStamp } from './publishing/publication.repo.ts'
import { ResponseCache } from './publishing/response-cache.ts'
import { VisitorPages } from './publishing/visitor-pages.ts'
import { createNotificationJobs } from './notifications/notification-jobs.ts'
import { createRenderer, type RendererOptions } from './render/renderer.ts'
import { ElectorateTotals } from './rounds/electorate-totals.ts'
import { createLanguages } from '../shared/i18n/languages.ts'
import { DEFAULT_LANGUAGES_DIR, loadLanguagePacks } from './i18n/language-packs.ts'

export interface AppContextOptions {
  log: Logger
  /** Wall clock, ms since the epoch (tests inject theirs). Default: Date.now. */
  now?: () => number
  /** Monotonic clock in ms for the write mark (tests move it instead of waiting). Default: performance.now. */
  monotonicNow?: () => number
  /** How drafts, versions, diffs and PDFs are rendered (worker count; tests pick their own). */
  renders?: Omit<RendererOptions, 'log'> | undefined
}

// Rendered PDFs are large; a few recent ones cover a publication that is being shared.
const PDFS_KEPT = 20

/**
 * Builds the app context (`Deps`): the one place that says what a running app holds. The server
 * (main.ts), the CLI, the test apps and the benchmark all start here, so a new member is one line
 * below. Its lifetime is the app's: nothing in it is shared with another app in the process.
 */
export function createAppContext(config: Config, db: Db, options: AppContextOptions): Deps {
  const now = options.now ?? (() => Date.now())
  const writeMark = createWriteMark(db, options.monotonicNow)
  return {
    db,
    config,
    log: options.log,
    now,
    events: new AppEvents(),
    writeMark,
    caches: {
      publicResponses: new ResponseCache(),
      visitorPages: new VisitorPages(),
      pdfs: new LruCache<string, Uint8Array>(PDFS_KEPT),
      etags: new Etags(),
      publicationStamps: new PublicationStamps(writeMark, (slug) => readPublicationStamp(db, slug)),
      electorateTotals: new ElectorateTotals(db),
      staticFiles: new StaticFiles(),
    },
    throttles: { login: new LoginThrottle(now) },
    unknownEmailHash: lazyDummyHash(config.passwordHashCost),
    notifications: createNotificationJobs(config, options.log),
    turnCommit: new TurnCommit(db),
    renders: createRenderer({ log: options.log, ...options.renders }),
    commentStreams: new CommentStreams(),
    // Read once at start: a wrong pack stops the start here, naming its file and keys.
    languages: createLanguages(loadLanguagePacks(config.languagesDir ?? DEFAULT_LANGUAGES_DIR)),
  }
}
