import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PositionStatus } from '../../../db/schema/index.ts'
import { getPosition } from '../../../server/positions/position.repo.ts'
import { transition } from '../../../server/positions/transition.ts'
import type { LifecycleEvent } from '../../../shared/rules/lifecycle.ts'
import { buildPerson, buildPosition } from '../../support/factories.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let by: string

beforeAll(async () => {
  t = await testApp()
  by = buildPerson(t.db).id
})
afterAll(() => t.close())

const stored = (id: string) => getPosition(t.db, id)!
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn()
  } catch (error) {
    return (error as { code?: string }).code
  }
  return undefined
}

describe('transition: the one way a position moves through its lifecycle', () => {
  it.each<[PositionStatus, LifecycleEvent, PositionStatus, boolean]>([
    ['drafting', 'open_round', 'in_round', true],
    ['in_round', 'close_adopted', 'adopted', true],
    ['in_round', 'close_not_adopted', 'drafting', false],
    ['in_round', 'cancel', 'drafting', false],
    ['adopted', 'publish', 'published', true],
    ['published', 'withdraw', 'withdrawn', true],
  ])('%s --%s--> %s, with the draft read-only = %s', (from, event, to, readonly) => {
    const position = buildPosition(t.db, { status: from, readonly: from !== 'drafting' })
    expect(transition(t.deps, { id: position.id, status: from }, event, by)).toBe(to)
    const row = stored(position.id)
    expect(row.status).toBe(to)
    expect(row.draft_readonly).toBe(readonly ? 1 : 0)
    expect(row.archived_at).toBeNull()
  })

  it('archives a position in the status it ended in, recording who archived it', () => {
    const position = buildPosition(t.db, { status: 'published', readonly: true })
    expect(transition(t.deps, { id: position.id, status: 'published' }, 'archive', by)).toBe('published')
    const row = stored(position.id)
    expect(row.status).toBe('published')
    expect(row.archived_at).toBe(t.clock.now())
    expect(row.archived_by).toBe(by)
  })

  it('refuses an event the lifecycle does not allow, changing nothing', () => {
    const drafting = buildPosition(t.db)
    expect(codeOf(() => transition(t.deps, { id: drafting.id, status: 'drafting' }, 'publish', by))).toBe('invalid_state')
    const inRound = buildPosition(t.db, { status: 'in_round', readonly: true })
    expect(codeOf(() => transition(t.deps, { id: inRound.id, status: 'in_round' }, 'archive', by))).toBe('archive_in_round')
    expect(stored(drafting.id).status).toBe('drafting')
    expect(stored(inRound.id).archived_at).toBeNull()
  })

  it('refuses with status_changed when someone else moved the position since it was read (a lost compare-and-set)', () => {
    const position = buildPosition(t.db)
    const readByBoth = { id: position.id, status: 'drafting' as const }
    // The first request opens a round; the second read the same "drafting" and now loses.
    transition(t.deps, readByBoth, 'open_round', by)
    expect(codeOf(() => transition(t.deps, readByBoth, 'open_round', by))).toBe('status_changed')
    expect(stored(position.id).status).toBe('in_round')
  })

  it('refuses a second archive that lost the race, keeping the first one’s record', () => {
    const position = buildPosition(t.db, { status: 'adopted', readonly: true })
    const first = buildPerson(t.db).id
    transition(t.deps, { id: position.id, status: 'adopted' }, 'archive', first)
    expect(codeOf(() => transition(t.deps, { id: position.id, status: 'adopted' }, 'archive', by))).toBe('status_changed')
    expect(stored(position.id).archived_by).toBe(first)
  })
})
