import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { ESSENTIAL_KINDS, isNotificationKind, NOTIFICATION_KINDS, type NotificationKind } from '../../shared/notifications/kinds.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getPerson } from '../people/person.repo.ts'
import { storeSetting } from './notification.repo.ts'
import { readSettings } from './notification-settings.ts'
import { readUnsubscribeToken } from './unsubscribe-token.ts'

export interface UnsubscribeTarget {
  personId: string
  email: string
  /** The kinds the link turns off: one, or (from a digest) every kind collected for the digest. */
  kinds: NotificationKind[]
  topic: string
}

/** What a one-click link would turn off; `not_found` for a forged, altered or unknown link. */
export function inspectUnsubscribe(deps: Deps, token: string): UnsubscribeTarget {
  const found = readUnsubscribeToken(deps, token) ?? fail('not_found')
  const person = getPerson(deps.db, found.personId) ?? fail('not_found')
  let kinds: NotificationKind[]
  if (found.topic === 'digest') {
    const settings = readSettings(deps, person.id)
    kinds = NOTIFICATION_KINDS.filter((k) => settings[k] === 'digest')
  } else if (isNotificationKind(found.topic) && !ESSENTIAL_KINDS.includes(found.topic)) kinds = [found.topic]
  else fail('not_found')
  return { personId: person.id, email: person.email, kinds, topic: found.topic }
}

/** RFC 8058 one-click: turns off the kind(s) of the link for its person; no session needed, the signature is the proof. */
export function unsubscribe(deps: Deps, token: string): UnsubscribeTarget {
  return transaction(deps.db, () => {
    const target = inspectUnsubscribe(deps, token)
    for (const kind of target.kinds) storeSetting(deps.db, target.personId, kind, 'off')
    recordAudit(deps, { actorId: target.personId, action: 'notifications.unsubscribe', objectType: 'person', objectId: target.personId, data: { kinds: target.kinds } })
    return target
  })
}
