import { newId } from '../../db/ids.ts'
import { isUniqueViolation, transaction } from '../../db/query.ts'
import type { WorkingGroupRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { slugify } from '../../shared/slug.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as groupRepo from './group.repo.ts'

export interface CreateGroupInput {
  name: string
  description?: string | undefined
  /** Generated from the name when absent; it becomes the group's address /groups/:slug. */
  slug?: string | undefined
}

/** Adds a working group (Arbeitsgruppe); a taken slug is refused with 409. */
export function createGroup(deps: Deps, actorId: string | null, input: CreateGroupInput): WorkingGroupRow {
  const id = newId()
  const slug = input.slug || slugify(input.name) || `ag-${id.slice(0, 6)}`
  const now = deps.now()
  const row: WorkingGroupRow = { id, name: input.name, slug, description: input.description ?? '', created_at: now, updated_at: now }
  return transaction(deps.db, () => {
    if (groupRepo.getGroupBySlug(deps.db, slug)) fail('duplicate', { key: 'admin.error.slug_taken', params: { slug } }, 'slug')
    try {
      groupRepo.insertGroup(deps.db, row)
    } catch (error) {
      if (isUniqueViolation(error)) fail('duplicate', { key: 'admin.error.slug_taken', params: { slug } }, 'slug')
      throw error
    }
    recordAudit(deps, { actorId, action: 'group.create', objectType: 'group', objectId: id, data: { name: row.name, slug } })
    return row
  })
}
