import type { PositionRow, VersionRow } from '../../db/schema/index.ts'
import type { Locale } from '../../shared/i18n/index.ts'
import type { DiffRender } from '../render/render-tasks.tsx'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { getPosition } from '../positions/position.repo.ts'
import { getVersion, listVersions, type VersionSummaryRow } from './version.repo.ts'

export type VersionWithAuthor = VersionRow & { created_by_name: string }

export function readablePosition(deps: Deps, actor: Actor, positionId: string): PositionRow {
  if (!can(actor, { type: 'position.read' })) fail('forbidden')
  return getPosition(deps.db, positionId) ?? fail('not_found')
}

export function versionsOf(deps: Deps, actor: Actor, positionId: string): VersionSummaryRow[] {
  readablePosition(deps, actor, positionId)
  return listVersions(deps.db, positionId)
}

export function versionOf(deps: Deps, actor: Actor, positionId: string, number: number): VersionWithAuthor {
  readablePosition(deps, actor, positionId)
  return getVersion(deps.db, positionId, number) ?? fail('not_found')
}

export interface VersionDiff {
  from: VersionWithAuthor
  to: VersionWithAuthor
  /** The blocks as JSON and as HTML in the asked language. */
  diff: DiffRender
}

/** The word-level changes from version `from` to version `to` (either order works). */
export async function diffOf(deps: Deps, actor: Actor, positionId: string, from: number, to: number, locale: Locale): Promise<VersionDiff> {
  readablePosition(deps, actor, positionId)
  const a = getVersion(deps.db, positionId, from) ?? fail('not_found', undefined, 'from')
  const b = getVersion(deps.db, positionId, to) ?? fail('not_found', undefined, 'to')
  // Versions never change: the pair names its diff for good.
  const diff = await deps.renders.diff(`${positionId}:${a.number}:${b.number}`, a.content, b.content, deps.languages.translator(locale))
  return { from: a, to: b, diff }
}
