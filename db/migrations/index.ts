import type { Migration, MigrationProvider } from 'kysely'
import * as foundation from './2026-11-21-01-foundation.ts'
import * as positions from './2026-11-21-02-positions.ts'
import * as rounds from './2026-11-21-03-rounds.ts'
import * as publishing from './2026-11-21-04-publishing.ts'
import * as roundFlow from './2026-12-03-00-round-flow.ts'
import * as archive from './2026-12-03-02-archive.ts'
import * as notifications from './2026-12-03-10-notifications.ts'
import * as comments from './2026-12-03-11-comments.ts'
import * as alliance from './2026-12-03-12-alliance.ts'
import * as translations from './2026-12-03-13-translations.ts'
import * as auditChain from './2026-12-03-14-audit-chain.ts'
import * as commentAnswers from './2026-12-03-17-comment-answers.ts'
import * as amendments from './2026-12-03-18-amendments.ts'
import * as proxies from './2026-12-03-21-proxies.ts'
import * as amendmentThreads from './2026-12-03-22-amendment-threads.ts'
import * as localeCodes from './2026-12-03-23-locale-codes.ts'
import * as amendmentRoundFlow from './2026-12-03-24-amendment-round-flow.ts'

/**
 * The explicit, in-code list of migrations (works in tests, the CLI and any bundle). Names are
 * ISO dates plus a sequence number; Kysely runs them in name order. Never edit a shipped one.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-21-01-foundation': foundation,
  '2026-11-21-02-positions': positions,
  '2026-11-21-03-rounds': rounds,
  '2026-11-21-04-publishing': publishing,
  '2026-12-03-00-round-flow': roundFlow,
  '2026-12-03-02-archive': archive,
  '2026-12-03-10-notifications': notifications,
  '2026-12-03-11-comments': comments,
  '2026-12-03-12-alliance': alliance,
  '2026-12-03-13-translations': translations,
  '2026-12-03-14-audit-chain': auditChain,
  '2026-12-03-17-comment-answers': commentAnswers,
  '2026-12-03-18-amendments': amendments,
  '2026-12-03-21-proxies': proxies,
  '2026-12-03-22-amendment-threads': amendmentThreads,
  '2026-12-03-23-locale-codes': localeCodes,
  '2026-12-03-24-amendment-round-flow': amendmentRoundFlow,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
}
