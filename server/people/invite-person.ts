import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { createInviteLink, type SetupLink } from '../auth/setup-links.ts'
import type { Deps } from '../deps.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import * as personRepo from './person.repo.ts'

/**
 * A new one-time link for the person to set their password. It replaces their earlier unused
 * link, and it also serves as the password reset for someone who forgot theirs (there is no mail).
 */
export function invitePerson(deps: Deps, actorId: string | null, personId: string): SetupLink {
  return transaction(deps.db, () => {
    const person = personRepo.getPerson(deps.db, personId) ?? fail('not_found', { key: 'admin.error.person_not_found' })
    // The setup page refuses disabled people, so such a link would only confuse.
    if (person.disabled === 1) fail('invalid_state', { key: 'admin.error.invite_disabled' })
    const link = createInviteLink(deps, personId)
    recordAudit(deps, { actorId, action: 'person.invite', objectType: 'person', objectId: personId, data: { expiresAt: link.expiresAt } })
    // The admin still sees the link (for people without mail); the mail is sent as well.
    queueNotification(deps, person.password_hash === null ? 'invitation' : 'password_reset', { personId, url: link.url, expiresAt: link.expiresAt })
    return link
  })
}
