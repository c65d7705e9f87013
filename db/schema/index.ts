import type * as alliance from './alliance.ts'
import type * as amendments from './amendments.ts'
import type * as auditEvents from './audit-events.ts'
import type * as ballots from './ballots.ts'
import type * as comments from './comments.ts'
import type * as docUpdates from './doc-updates.ts'
import type * as groups from './groups.ts'
import type * as initiatives from './initiatives.ts'
import type * as notifications from './notifications.ts'
import type * as people from './people.ts'
import type * as positions from './positions.ts'
import type * as proxies from './proxies.ts'
import type * as publications from './publications.ts'
import type * as rounds from './rounds.ts'
import type * as sessions from './sessions.ts'
import type * as setupTokens from './setup-tokens.ts'
import type * as signatures from './signatures.ts'
import type * as translations from './translations.ts'
import type * as versions from './versions.ts'

// One line per table file, each starting with `&`, so that features add lines without touching others.
export type Database =
  & people.PartialDB
  & sessions.PartialDB
  & setupTokens.PartialDB
  & initiatives.PartialDB
  & groups.PartialDB
  & auditEvents.PartialDB
  & positions.PartialDB
  & docUpdates.PartialDB
  & publications.PartialDB
  & signatures.PartialDB
  & versions.PartialDB
  & rounds.PartialDB
  & ballots.PartialDB
  & notifications.PartialDB
  & comments.PartialDB
  & alliance.PartialDB
  & translations.PartialDB
  & amendments.PartialDB
  & proxies.PartialDB

export type { AuditEventRow } from './audit-events.ts'
export type { DocUpdateRow } from './doc-updates.ts'
export type { GroupMembershipRow, WorkingGroupRow } from './groups.ts'
export type { InitiativeMembershipRow, InitiativeRow } from './initiatives.ts'
export type { PersonRow } from './people.ts'
export type { PositionRow, PositionStatus } from './positions.ts'
export type { SessionRow } from './sessions.ts'
export type { SetupTokenRow } from './setup-tokens.ts'
export type { PublicationRow } from './publications.ts'
export type { SignatureRow } from './signatures.ts'
export type { VersionRow } from './versions.ts'
export type { RoundElectorateRow, RoundExtensionRow, RoundRow, RoundStatus, RoundVisibility } from './rounds.ts'
export type { BallotChoice, BallotHistoryRow, BallotRow, SecretBallotRow } from './ballots.ts'
export type { MailOutboxRow, NotificationMode, NotificationRow } from './notifications.ts'
export type { CommentEditRow, CommentMentionRow, CommentRow } from './comments.ts'
export type { AllianceProfileRow } from './alliance.ts'
export type { ProxyRow } from './proxies.ts'
export type { TranslationRevisionRow, TranslationRow, TranslationStatus } from './translations.ts'
export type { AmendmentRoundItemRow, AmendmentRoundRow, AmendmentRow, AmendmentStatus } from './amendments.ts'
