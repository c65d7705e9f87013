import type { Db } from '../db/connection.ts'
import { TurnCommit } from '../db/turn-commit.ts'
import type { Config } from './config.ts'
import type { AppEvents } from './events.ts'
import type { Logger } from './log.ts'

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
  /** The one per-turn commit of ballots and editor updates (db/turn-commit.ts). */
  turnCommit: TurnCommit
}

/** Builds the context: the one place its members with state are made. */
export function createDeps(parts: Omit<Deps, 'turnCommit'>): Deps {
  return { ...parts, turnCommit: new TurnCommit(parts.db) }
}
