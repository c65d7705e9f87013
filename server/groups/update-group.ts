import { isUniqueViolation, transaction } from '../../db/query.ts'
import type { WorkingGroupRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as groupRepo from './group.repo.ts'

export interface UpdateGroupInput {
  name?: string | undefined
  slug?: string | undefined
  description?: string | undefined
}

/** Renames a working group, changes its slug (its address) or description. */
export function updateGroup(deps: Deps, actorId: string | null, groupId: string, input: UpdateGroupInput): WorkingGroupRow {
  return transaction(deps.db, () => {
    const current = groupRepo.getGroup(deps.db, groupId) ?? fail('not_found', { key: 'admin.error.group_not_found' })
    const patch: groupRepo.GroupPatch = {}
    if (input.name !== undefined && input.name !== current.name) patch.name = input.name
    if (input.slug !== undefined && input.slug !== current.slug) patch.slug = input.slug
    if (input.description !== undefined && input.description !== current.description) patch.description = input.description
    if (Object.keys(patch).length === 0) return current

    if (patch.slug && groupRepo.getGroupBySlug(deps.db, patch.slug)) fail('duplicate', { key: 'admin.error.slug_taken', params: { slug: patch.slug } }, 'slug')
    const now = deps.now()
    try {
      groupRepo.updateGroup(deps.db, groupId, patch, now)
    } catch (error) {
      if (isUniqueViolation(error)) fail('duplicate', { key: 'admin.error.slug_taken', params: { slug: patch.slug ?? '' } }, 'slug')
      throw error
    }
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, current[k as keyof typeof patch]]))
    recordAudit(deps, { actorId, action: 'group.update', objectType: 'group', objectId: groupId, data: { before, after: patch } })
    return { ...current, ...patch, updated_at: now }
  })
}
