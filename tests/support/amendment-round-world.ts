import { buildRoundWorld, DAY, type RoundWorld } from './round-world.ts'
import type { TestApp } from './test-app.ts'

export const AMENDMENT_TEXT = 'Wir fordern bezahlbaren Wohnraum für alle.'
/** ProseMirror ranges in AMENDMENT_TEXT (the paragraph opens at 0). */
export const BEZAHLBAR = { from: 13, to: 24 } // "bezahlbaren"
export const ALLE = { from: 38, to: 43 } // "alle."

/**
 * Initiatives of the given weights (one delegate each, the only active ones, so the electorate is
 * exactly them) and a position whose version 1 holds AMENDMENT_TEXT.
 */
export async function buildAmendmentWorld(t: TestApp, weights: number[] = [3, 1, 1, 1]): Promise<RoundWorld> {
  t.db.sqlite.prepare('update initiatives set active = 0').run()
  const w = buildRoundWorld(t, { weights, draft: [AMENDMENT_TEXT] })
  const res = await w.coordinator.post(`/api/positions/${w.positionId}/versions`, {})
  if (res.status !== 201) throw new Error(`freezing version 1 failed: ${res.status} ${await res.text()}`)
  return w
}

/** Delegate 1 proposes replacing `range` of version 1 by `text`; returns the amendment's id. */
export async function proposeAmendment(w: RoundWorld, range: { from: number; to: number }, text: string): Promise<string> {
  const res = await w.delegates[1]!.client.post(`/api/positions/${w.positionId}/amendments`, { versionNumber: 1, ...range, text, reason: 'Besser so.' })
  if (res.status !== 201) throw new Error(`proposing failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}

export function openAmendmentRoundRequest(t: TestApp, w: RoundWorld, amendmentIds: string[], extra: Record<string, unknown> = {}): Promise<Response> {
  return w.coordinator.post(`/api/positions/${w.positionId}/rounds`, {
    kind: 'amendments',
    amendmentIds,
    quorum: 0.5,
    closesAt: new Date(t.clock.now() + 7 * DAY).toISOString(),
    ...extra,
  })
}

/** Opens an amendment round through the API and returns its id (throws with the body when refused). */
export async function openAmendmentRoundVia(t: TestApp, w: RoundWorld, amendmentIds: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const res = await openAmendmentRoundRequest(t, w, amendmentIds, extra)
  if (res.status !== 201) throw new Error(`opening the amendment round failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}

export function voteOnAmendments(w: RoundWorld, delegate: number, roundId: string, choices: Record<string, string>, extra: Record<string, unknown> = {}): Promise<Response> {
  return w.delegates[delegate]!.client.put(`/api/rounds/${roundId}/ballot`, { choices, ...extra })
}
