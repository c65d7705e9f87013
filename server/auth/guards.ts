import type { Context } from 'hono'
import { fail } from '../../shared/errors.ts'
import { can, type Action } from '../../shared/policy.ts'
import type { AppEnv, CurrentPerson } from '../http/app-env.ts'

/** The signed-in person, or a 401. */
export function requirePerson(c: Context<AppEnv>): CurrentPerson {
  return c.get('current') ?? fail('unauthenticated')
}

/** The signed-in person if the policy allows `action`, else 401/403. */
export function requireCan(c: Context<AppEnv>, action: Action): CurrentPerson {
  const current = requirePerson(c)
  if (!can(current.actor, action)) fail('forbidden')
  return current
}
