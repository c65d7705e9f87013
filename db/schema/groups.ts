import type { Generated, Selectable } from 'kysely'

export interface WorkingGroupsTable {
  id: string
  name: string
  slug: string
  description: Generated<string>
  created_at: number
  updated_at: number
}
export interface GroupMembershipsTable {
  group_id: string
  person_id: string
  coordinator: Generated<number>
  created_at: number
}
export type WorkingGroupRow = Selectable<WorkingGroupsTable>
export type GroupMembershipRow = Selectable<GroupMembershipsTable>
export interface PartialDB {
  working_groups: WorkingGroupsTable
  group_memberships: GroupMembershipsTable
}
