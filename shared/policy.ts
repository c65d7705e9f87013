/**
 * The one place that answers "may this person do this to that object". Pure: it sees only the
 * actor's roles and memberships and the object's owning group or initiative; everything else in
 * the code asks here instead of checking roles itself.
 */
export interface Actor {
  id: string
  isAdmin: boolean
  isSpokesperson: boolean
  disabled: boolean
  initiatives: ReadonlyArray<{ initiativeId: string; role: 'delegate' | 'member' }>
  groups: ReadonlyArray<{ groupId: string; coordinator: boolean }>
  /** Languages this person may translate published positions into (the translator role). */
  translatorLanguages?: readonly string[]
}

export type Action =
  | { type: 'admin.manage' } // initiatives, people, groups, memberships and roles
  | { type: 'self.edit' } // own name, password, language
  | { type: 'position.read' }
  | { type: 'position.create'; groupId: string }
  | { type: 'position.edit'; groupId: string } // title and the live draft
  | { type: 'version.freeze'; groupId: string }
  | { type: 'round.open'; groupId: string }
  | { type: 'round.close'; groupId: string }
  | { type: 'round.extend'; groupId: string } // move the deadline of an open round later
  | { type: 'round.cancel'; groupId: string } // end an open round without a result
  | { type: 'position.archive'; groupId: string }
  | { type: 'position.publish' }
  | { type: 'position.withdraw' }
  | { type: 'signature.manage'; initiativeId: string }
  | { type: 'comment.read' } // comments are seen wherever the text they are on is seen
  | { type: 'comment.write'; groupId: string } // start a thread or reply on a position of the group
  | { type: 'comment.resolve'; groupId: string; authorId: string | null } // resolve or reopen a thread
  | { type: 'comment.edit'; authorId: string | null } // edit or delete a comment
  | { type: 'alliance.manage' } // the alliance's public profile and logo
  | { type: 'initiative.listing'; initiativeId: string } // named on the public "Über uns" page or not
  | { type: 'translation.write'; language: string } // add or update a translation into this language
  | { type: 'translation.publish' } // publish or withdraw a translation
  | { type: 'round.nudge'; groupId: string } // remind the missing voters of an open round by mail
  | { type: 'amendment.propose'; groupId: string } // propose a change to a passage of a version
  | { type: 'amendment.support'; initiativeId: string } // put an initiative's support under an amendment
  | { type: 'amendment.decide'; groupId: string } // take over or reject an amendment, put amendments to a vote
  | { type: 'proxy.grant'; initiativeId: string } // hand the initiative's vote to a delegate of another one
  | { type: 'proxy.revoke'; initiativeId: string } // take a handed-on vote back
  | { type: 'proxy.settings' } // how many votes one person may carry

export type ActionType = Action['type']

function inGroup(actor: Actor, groupId: string): boolean {
  return actor.groups.some((g) => g.groupId === groupId)
}
function coordinates(actor: Actor, groupId: string): boolean {
  return actor.groups.some((g) => g.groupId === groupId && g.coordinator)
}
function delegateOf(actor: Actor, initiativeId: string): boolean {
  return actor.initiatives.some((i) => i.initiativeId === initiativeId && i.role === 'delegate')
}

export function can(actor: Actor | null, action: Action): boolean {
  if (!actor || actor.disabled) return false
  switch (action.type) {
    case 'admin.manage':
      return actor.isAdmin
    case 'self.edit':
    case 'position.read':
    case 'comment.read':
      return true
    case 'position.create':
    case 'position.edit':
      return actor.isAdmin || inGroup(actor, action.groupId)
    case 'version.freeze':
    case 'round.open':
    case 'round.close':
    case 'round.extend':
    case 'round.cancel':
    case 'round.nudge':
    case 'position.archive':
      return actor.isAdmin || coordinates(actor, action.groupId)
    case 'position.publish':
    case 'position.withdraw':
      return actor.isAdmin || actor.isSpokesperson
    case 'signature.manage':
      return delegateOf(actor, action.initiativeId)
    case 'comment.write':
      // The working group, and everyone of a member initiative (delegates and members alike:
      // the admin pages tell that members comment).
      return actor.isAdmin || inGroup(actor, action.groupId) || actor.initiatives.length > 0
    case 'comment.resolve':
      return actor.isAdmin || coordinates(actor, action.groupId) || action.authorId === actor.id
    case 'comment.edit':
      return action.authorId === actor.id
    case 'alliance.manage':
      return actor.isAdmin
    case 'initiative.listing':
      return actor.isAdmin || delegateOf(actor, action.initiativeId)
    case 'translation.write':
      return actor.isAdmin || actor.isSpokesperson || (actor.translatorLanguages ?? []).includes(action.language)
    case 'translation.publish':
      return actor.isAdmin || actor.isSpokesperson
    case 'amendment.propose':
      // Any delegate of a member initiative, and the working group's members.
      return actor.isAdmin || inGroup(actor, action.groupId) || actor.initiatives.some((i) => i.role === 'delegate')
    case 'amendment.support':
      return delegateOf(actor, action.initiativeId)
    case 'amendment.decide':
      return actor.isAdmin || coordinates(actor, action.groupId)
    case 'proxy.grant':
    case 'proxy.revoke':
      // The initiative's own business, like casting its ballot: its delegates, not the admin.
      return delegateOf(actor, action.initiativeId)
    case 'proxy.settings':
      return actor.isAdmin
  }
}
