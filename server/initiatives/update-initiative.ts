import { isUniqueViolation, transaction } from '../../db/query.ts'
import type { InitiativeRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as initiativeRepo from './initiative.repo.ts'

export interface UpdateInitiativeInput {
  name?: string | undefined
  slug?: string | undefined
  weight?: number | undefined
  active?: boolean | undefined
}

/** Changes name, slug, vote weight or active flag; the audit event lists old and new values. */
export function updateInitiative(
  deps: Deps,
  actorId: string | null,
  initiativeId: string,
  input: UpdateInitiativeInput,
): InitiativeRow {
  let members: string[] = []
  const updated = transaction(deps.db, () => {
    const current = initiativeRepo.getInitiative(deps.db, initiativeId) ?? fail('not_found', { key: 'admin.error.initiative_not_found' })
    const patch: initiativeRepo.InitiativePatch = {}
    if (input.name !== undefined && input.name !== current.name) patch.name = input.name
    if (input.slug !== undefined && input.slug !== current.slug) patch.slug = input.slug
    if (input.weight !== undefined && input.weight !== current.weight) patch.weight = input.weight
    const active = input.active === undefined ? undefined : input.active ? 1 : 0
    if (active !== undefined && active !== current.active) patch.active = active
    if (Object.keys(patch).length === 0) return current

    if (patch.slug && initiativeRepo.getInitiativeBySlug(deps.db, patch.slug))
      fail('duplicate', { key: 'admin.error.slug_taken', params: { slug: patch.slug } }, 'slug')
    const now = deps.now()
    try {
      initiativeRepo.updateInitiative(deps.db, initiativeId, patch, now)
    } catch (error) {
      if (isUniqueViolation(error)) fail('duplicate', { key: 'admin.error.slug_taken', params: { slug: patch.slug ?? '' } }, 'slug')
      throw error
    }
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, current[k as keyof typeof patch]]))
    recordAudit(deps, {
      actorId,
      action: 'initiative.update',
      objectType: 'initiative',
      objectId: initiativeId,
      data: { before, after: patch },
    })
    // Memberships of an inactive initiative count for nothing (load-actor.ts).
    if (patch.active !== undefined) members = initiativeRepo.listInitiativeMembers(deps.db, initiativeId).map((m) => m.personId)
    return { ...current, ...patch, updated_at: now }
  })
  // After the commit: the members' open connections are decided again.
  if (members.length) deps.events.emit('access-changed', { personIds: members })
  return updated
}
