import { z } from 'zod'
import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { saveTexts } from './alliance.repo.ts'

const url = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), { message: 'url' })
const text = (max: number) => z.string().trim().max(max)

/** PUT /api/alliance and the admin form: every field of the profile but the logo. */
export const AllianceInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: text(1000).default(''),
  website: url.default(''),
  contactEmail: z.union([z.literal(''), z.string().trim().toLowerCase().max(254).pipe(z.email())]).default(''),
  pressContact: text(300).default(''),
  imprintUrl: url.default(''),
  imprintText: text(10_000).default(''),
  privacyUrl: url.default(''),
  privacyText: text(20_000).default(''),
})
export type AllianceInput = z.infer<typeof AllianceInput>

/** An admin sets the alliance's public profile; one audit event with what changed. */
export function updateAlliance(deps: Deps, actor: Actor, input: AllianceInput): void {
  if (!can(actor, { type: 'alliance.manage' })) fail('forbidden')
  transaction(deps.db, () => {
    saveTexts(
      deps.db,
      {
        name: input.name,
        description: input.description,
        website: input.website,
        contact_email: input.contactEmail,
        press_contact: input.pressContact,
        imprint_url: input.imprintUrl,
        imprint_text: input.imprintText,
        privacy_url: input.privacyUrl,
        privacy_text: input.privacyText,
      },
      deps.now(),
      actor.id,
    )
    recordAudit(deps, { actorId: actor.id, action: 'alliance.update', objectType: 'alliance', objectId: '1', data: { name: input.name } })
  })
}
