import type { Generated, Selectable } from 'kysely'

export interface InitiativesTable {
  id: string
  name: string
  slug: string
  weight: Generated<number>
  active: Generated<number>
  created_at: number
  updated_at: number
}
export interface InitiativeMembershipsTable {
  initiative_id: string
  person_id: string
  role: 'delegate' | 'member'
  created_at: number
}
export type InitiativeRow = Selectable<InitiativesTable>
export type InitiativeMembershipRow = Selectable<InitiativeMembershipsTable>
export interface PartialDB {
  initiatives: InitiativesTable
  initiative_memberships: InitiativeMembershipsTable
}
