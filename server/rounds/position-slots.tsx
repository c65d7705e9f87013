import type { Context } from 'hono'
import { fail } from '../../shared/errors.ts'
import { can } from '../../shared/policy.ts'
import type { PositionSlots } from '../../web/views/positions/position-page.tsx'
import { OpenRoundForm } from '../../web/views/rounds/open-round-form.tsx'
import { RoundHistory } from '../../web/views/rounds/round-history.tsx'
import { FrozenText, LastRoundReasons, RoundNotice } from '../../web/views/rounds/round-notice.tsx'
import { FreezeVersionForm, VersionsList } from '../../web/views/versions/versions-list.tsx'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext } from '../http/render.tsx'
import { versionsOf } from '../versions/read-versions.ts'
import { getVersion } from '../versions/version.repo.ts'
import { initiativeWeights } from './electorate.repo.ts'
import { getPosition } from '../positions/position.repo.ts'
import { effectivePosition } from './effective-round.ts'
import { roundHistory } from './read-round.ts'

type DecisionSlots = Pick<PositionSlots, 'notice' | 'actions' | 'text' | 'versions' | 'rounds'>

/**
 * What rounds and versions add to the position page: the running round, the coordinator's
 * freeze and open-round forms, the frozen text in place of the draft while a round runs (and
 * the adopted text afterwards), the versions and the round history with objections and concerns.
 * A round past its deadline shows as its close will store it (effective-round.ts).
 */
export function decisionSlots(c: Context<AppEnv>, positionId: string): DecisionSlots {
  const { actor } = requirePerson(c)
  const deps = c.get('deps')
  const ctx = pageContext(c)
  const now = deps.now()
  const rounds = roundHistory(deps, actor, positionId)
  const position = effectivePosition(deps, getPosition(deps.db, positionId) ?? fail('not_found'))
  const versions = versionsOf(deps, actor, position.id)
  const status = position.status
  const running = rounds.find((r) => r.round.status === 'open')
  const adopted = rounds.find((r) => r.round.outcome === 'adopted')
  const shown = running ?? (status !== 'drafting' && status !== 'in_round' ? adopted : undefined)
  const shownVersion = shown ? getVersion(deps.db, position.id, shown.round.version_number) : undefined
  const coordinator = can(actor, { type: 'round.open', groupId: position.group_id })
  const drafting = status === 'drafting'
  // Rounds come newest first: the last one, if it ended without a decision and with objections or concerns.
  const last = rounds[0]
  const unresolved = !running && drafting && last && last.round.outcome !== 'adopted' && last.reasons.length > 0 ? last : undefined

  return {
    notice: running ? (
      <RoundNotice ctx={ctx} now={now} round={{ id: running.round.id, kind: running.round.kind, versionNumber: running.round.version_number, closesAt: running.round.closes_at }} />
    ) : unresolved ? (
      <LastRoundReasons
        ctx={ctx}
        round={{ id: unresolved.round.id, kind: unresolved.round.kind, versionNumber: unresolved.round.version_number, reasons: unresolved.reasons }}
      />
    ) : null,
    actions:
      coordinator && drafting ? (
        <div class="coordinator-actions">
          <FreezeVersionForm ctx={ctx} positionId={position.id} />
          <details class="open-round-details">
            <summary>{ctx.t('rounds.open.heading')}</summary>
            <OpenRoundForm
              ctx={ctx}
              heading={false}
              positionId={position.id}
              now={now}
              versions={versions.map((v) => ({ number: v.number, createdAt: v.created_at }))}
              initiativeWeights={initiativeWeights(deps.db)}
            />
          </details>
        </div>
      ) : null,
    text: shownVersion ? (
      <FrozenText
        ctx={ctx}
        positionId={position.id}
        version={{ number: shownVersion.number, hash: shownVersion.hash, html: shownVersion.html }}
        heading={ctx.t(running ? 'rounds.text.in_round' : 'rounds.text.adopted')}
        comments={running ? { canWrite: can(actor, { type: 'comment.write', groupId: position.group_id }) } : undefined}
      />
    ) : undefined,
    versions: (
      <VersionsList
        ctx={ctx}
        positionId={position.id}
        versions={versions.map((v) => ({ number: v.number, hash: v.hash, createdAt: v.created_at, createdByName: v.created_by_name }))}
      />
    ),
    rounds: (
      <RoundHistory
        ctx={ctx}
        now={now}
        rounds={rounds.map((r) => ({
          id: r.round.id,
          kind: r.round.kind,
          electorate: r.round.electorate,
          versionNumber: r.round.version_number,
          closed: r.round.status !== 'open',
          cancelledAt: r.round.cancelled_at,
          closesAt: r.round.closes_at,
          closedAt: r.round.closed_at,
          result: r.result,
          participation: r.participation,
          electorateSize: r.electorate,
          reasons: r.reasons,
        }))}
      />
    ),
  }
}
