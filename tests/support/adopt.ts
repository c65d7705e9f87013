import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { expect } from 'vitest'
import * as Y from 'yjs'
import type { Db } from '../../db/connection.ts'
import { editorSchema } from '../../shared/editor/extensions.ts'
import { appendUpdate } from '../../server/sync/doc.repo.ts'
import { DRAFT_FRAGMENT, loadDocFromDb } from '../../server/sync/load-doc.ts'
import { addToGroup, addToInitiative, buildGroup, buildInitiative, buildPerson, buildPosition, sessionCookie } from './factories.ts'
import { TEST_ORIGIN, testClient, type TestClient } from './test-app.ts'

/**
 * What the helpers need: a database, a clock and an HTTP client. A `TestApp` is one; for a real
 * server (tests/support/test-server.ts) use `serverEnv`.
 */
export interface AdoptEnv {
  db: Db
  clock: { now(): number; advance(ms: number): void }
  client: TestClient
}

/** A person with a session, ready for `t.client.as(cookie)`. */
export interface Member {
  id: string
  name: string
  cookie: string
}

export interface Delegate extends Member {
  initiativeId: string
  initiativeName: string
}

/** An alliance with a working group, its coordinator, a spokesperson, an admin and delegates. */
export interface PublishingWorld {
  groupId: string
  groupName: string
  coordinator: Member
  spokesperson: Member
  admin: Member
  /** One delegate per initiative. */
  delegates: Delegate[]
  /** A member of the group who holds no special role. */
  member: Member
}

let worldSeq = 0

function member(t: AdoptEnv, opts: Parameters<typeof buildPerson>[1] = {}): Member {
  const person = buildPerson(t.db, opts)
  return { id: person.id, name: person.name, cookie: sessionCookie(t.db, person.id, t.clock.now()) }
}

export function buildPublishingWorld(t: AdoptEnv, opts: { initiatives?: number; groupName?: string } = {}): PublishingWorld {
  const n = ++worldSeq
  const groupName = opts.groupName ?? `AG Wohnen ${n}`
  const group = buildGroup(t.db, { name: groupName })
  const coordinator = member(t, { name: `Koordination ${n}` })
  addToGroup(t.db, group.id, coordinator.id, true)
  const spokesperson = member(t, { name: `Sprecherin ${n}`, spokesperson: true })
  const admin = member(t, { name: `Admin ${n}`, admin: true })
  const plain = member(t, { name: `Mitglied ${n}` })
  addToGroup(t.db, group.id, plain.id)
  const delegates: Delegate[] = []
  for (let i = 0; i < (opts.initiatives ?? 3); i++) {
    const initiativeName = `Initiative ${n}-${i + 1}`
    const initiative = buildInitiative(t.db, { name: initiativeName })
    const person = member(t, { name: `Delegierte ${n}-${i + 1}` })
    addToInitiative(t.db, initiative.id, person.id, 'delegate')
    delegates.push({ ...person, initiativeId: initiative.id, initiativeName })
  }
  return { groupId: group.id, groupName, coordinator, spokesperson, admin, delegates, member: plain }
}

/** Replaces a stored draft by a ProseMirror document, as one Yjs update (what an editor would send). */
export function writeDraftJson(db: Db, positionId: string, json: unknown): void {
  const { doc } = loadDocFromDb(db, positionId)
  const before = Y.encodeStateVector(doc)
  const fragment = doc.getXmlFragment(DRAFT_FRAGMENT)
  doc.transact(() => {
    if (fragment.length) fragment.delete(0, fragment.length)
  })
  prosemirrorJSONToYXmlFragment(editorSchema(), json, fragment)
  appendUpdate(db, positionId, Y.encodeStateAsUpdate(doc, before))
  doc.destroy()
}

export type Answer = 'consent' | 'concern' | 'stand_aside' | 'objection' | 'yes' | 'no' | 'abstain'

export interface RoundPlan {
  kind?: 'consent' | 'vote'
  majority?: 'simple' | 'two_thirds' | 'absolute'
  secret?: boolean
  /** The answer of each delegate, in order; delegates without one do not answer. */
  answers?: Answer[]
  /** Decide on this existing version instead of freezing the draft. */
  versionNumber?: number
}

/**
 * Takes a drafting position through a round over the real API: the coordinator opens it (which
 * freezes the draft), the delegates answer, the coordinator closes it. Returns the round id.
 */
export async function decide(t: AdoptEnv, world: PublishingWorld, positionId: string, plan: RoundPlan = {}): Promise<{ roundId: string; outcome: string }> {
  const kind = plan.kind ?? 'consent'
  const answers = plan.answers ?? world.delegates.map(() => (kind === 'consent' ? 'consent' : 'yes'))
  const open = await t.client.as(world.coordinator.cookie).post(`/api/positions/${positionId}/rounds`, {
    kind,
    electorate: 'initiatives',
    ...(kind === 'vote' ? { majority: plan.majority ?? 'simple' } : {}),
    quorum: 0.5,
    secret: plan.secret ?? false,
    ...(plan.versionNumber === undefined ? {} : { versionNumber: plan.versionNumber }),
    closesAt: new Date(t.clock.now() + 7 * 24 * 3600 * 1000).toISOString(),
  })
  expect(open.status, await open.clone().text()).toBe(201)
  const roundId = ((await open.json()) as { id: string }).id
  for (const [i, choice] of answers.entries()) {
    const delegate = world.delegates[i]!
    t.clock.advance(60_000)
    const res = await t.client.as(delegate.cookie).put(`/api/rounds/${roundId}/ballot`, {
      choice,
      ...(choice === 'objection' ? { reason: 'Dagegen' } : {}),
    })
    expect(res.status, await res.clone().text()).toBe(200)
  }
  t.clock.advance(60_000)
  const close = await t.client.as(world.coordinator.cookie).post(`/api/rounds/${roundId}/close`)
  expect(close.status, await close.clone().text()).toBe(200)
  const outcome = ((await close.json()) as { result: { outcome: string } }).result.outcome
  return { roundId, outcome }
}

/** A position with the given text, adopted by consent of all delegates (or as `plan` says). */
export async function adoptedPosition(
  t: AdoptEnv,
  world: PublishingWorld,
  opts: { title?: string; content?: unknown; plan?: RoundPlan } = {},
): Promise<{ id: string; slug: string; roundId: string }> {
  const position = buildPosition(t.db, { groupId: world.groupId, createdBy: world.coordinator.id, title: opts.title })
  if (opts.plan?.versionNumber === undefined) writeDraftJson(t.db, position.id, opts.content ?? simpleDoc('Wir fordern bezahlbaren Wohnraum für alle.'))
  const { roundId, outcome } = await decide(t, world, position.id, opts.plan)
  expect(outcome).toBe('adopted')
  return { id: position.id, slug: position.slug, roundId }
}

export function simpleDoc(...paragraphs: string[]): unknown {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
}

/** An HTTP client for a real server, the same client as the in-process one. */
export function httpClient(baseUrl: string, cookie?: string): TestClient {
  return testClient((path, init) => fetch(baseUrl + path, { ...init, redirect: 'manual' }), TEST_ORIGIN, cookie)
}

/** The helpers' environment for a real server on the real clock. */
export function serverEnv(server: { db: Db; url: string }): AdoptEnv {
  return { db: server.db, clock: { now: () => Date.now(), advance: () => undefined }, client: httpClient(server.url) }
}
