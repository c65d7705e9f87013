import { newId } from '../../db/ids.ts'
import { transaction } from '../../db/query.ts'
import type { PositionRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as groupRepo from '../groups/group.repo.ts'
import * as positionRepo from './position.repo.ts'
import { uniquePositionSlug } from './position-slug.ts'

export interface CreatePositionInput {
  groupId: string
  title: string
}

/**
 * Starts a position in a working group: status drafting, a unique slug, and an empty draft (the
 * draft's update log simply has no rows yet).
 */
export function createPosition(deps: Deps, actor: Actor, input: CreatePositionInput): PositionRow {
  const group = groupRepo.getGroup(deps.db, input.groupId) ?? fail('not_found')
  if (!can(actor, { type: 'position.create', groupId: group.id })) fail('forbidden')
  return transaction(deps.db, () => {
    const at = deps.now()
    const row: PositionRow = {
      id: newId(),
      group_id: group.id,
      slug: uniquePositionSlug(deps.db, input.title),
      title: input.title,
      status: 'drafting',
      draft_readonly: 0,
      created_by: actor.id,
      created_at: at,
      updated_at: at,
      last_edit_at: null,
      archived_at: null,
      archived_by: null,
    }
    positionRepo.insertPosition(deps.db, row)
    recordAudit(deps, {
      actorId: actor.id,
      action: 'position.create',
      objectType: 'position',
      objectId: row.id,
      data: { groupId: group.id, title: row.title, slug: row.slug },
    })
    return row
  })
}
