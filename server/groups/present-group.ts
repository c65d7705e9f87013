import type { WorkingGroupRow } from '../../db/schema/index.ts'
import type { GroupMember } from './group.repo.ts'

export interface GroupJson {
  id: string
  name: string
  slug: string
  description: string
}

export function presentGroup(row: WorkingGroupRow): GroupJson {
  return { id: row.id, name: row.name, slug: row.slug, description: row.description }
}

export function presentGroupWithMembers(row: WorkingGroupRow, members: GroupMember[]) {
  return { ...presentGroup(row), members: members.map((m) => ({ id: m.personId, name: m.name, coordinator: m.coordinator })) }
}
