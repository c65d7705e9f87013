import type { InitiativeRow } from '../../db/schema/index.ts'

export interface InitiativeJson {
  id: string
  name: string
  slug: string
  weight: number
  active: boolean
}

export function presentInitiative(row: InitiativeRow): InitiativeJson {
  return { id: row.id, name: row.name, slug: row.slug, weight: row.weight, active: row.active === 1 }
}
