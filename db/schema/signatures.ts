import type { Selectable } from 'kysely'

/** Co-signatures (Mitzeichnungen): an initiative putting its name under a published position. */
export interface SignaturesTable {
  position_id: string
  initiative_id: string
  signed_by: string | null
  signed_at: number
}
export type SignatureRow = Selectable<SignaturesTable>
export interface PartialDB { signatures: SignaturesTable }
