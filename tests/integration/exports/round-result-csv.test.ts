import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPosition } from '../../support/factories.ts'
import { buildPublishingWorld, decide, simpleDoc, writeDraftJson, type PublishingWorld } from '../../support/adopt.ts'
import { parseCsv } from '../../support/csv.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let world: PublishingWorld

beforeAll(async () => {
  t = await testApp()
  world = buildPublishingWorld(t, { initiatives: 3 })
})
afterAll(() => t.close())

function draftPosition(): string {
  const position = buildPosition(t.db, { groupId: world.groupId, createdBy: world.coordinator.id })
  writeDraftJson(t.db, position.id, simpleDoc('Wir fordern mehr Sprachkurse.'))
  return position.id
}

async function csvOf(roundId: string, cookie = world.member.cookie): Promise<string[][]> {
  const res = await t.client.as(cookie).get(`/api/rounds/${roundId}/result.csv`)
  expect(res.status, await res.clone().text()).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/)
  return parseCsv(await res.text())
}

describe('GET /api/rounds/:id/result.csv', () => {
  it('lists every ballot of an open vote: voter, answer, weight, who cast it and when', async () => {
    const { roundId } = await decide(t, world, draftPosition(), { kind: 'vote', answers: ['yes', 'no', 'abstain'] })
    const rows = await csvOf(roundId)
    expect(rows[0]).toEqual(['voter', 'voter_id', 'answer', 'weight', 'cast_by', 'cast_at', 'reason'])
    const body = rows.slice(1).sort((a, b) => a[0]!.localeCompare(b[0]!))
    expect(body).toHaveLength(3)
    world.delegates.forEach((d, i) => {
      const row = body[i]!
      expect(row[0]).toBe(d.initiativeName)
      expect(row[1]).toBe(d.initiativeId)
      expect(row[2]).toBe(['yes', 'no', 'abstain'][i])
      expect(row[3]).toBe('1')
      expect(row[4]).toBe(d.name)
      expect(Number.isNaN(Date.parse(row[5]!))).toBe(false)
    })
  })

  it('gives a secret round only the totals, with nobody named', async () => {
    const { roundId } = await decide(t, world, draftPosition(), { kind: 'vote', secret: true, answers: ['yes', 'yes', 'no'] })
    const rows = await csvOf(roundId)
    expect(rows[0]).toEqual(['answer', 'ballots', 'weight'])
    expect(rows).toContainEqual(['yes', '2', '2'])
    expect(rows).toContainEqual(['no', '1', '1'])
    expect(rows.at(-1)).toEqual(['participation', '3', '3'])
    const text = rows.flat().join(' ')
    for (const d of world.delegates) {
      expect(text).not.toContain(d.name)
      expect(text).not.toContain(d.initiativeName)
      expect(text).not.toContain(d.initiativeId)
    }
  })

  it('has no result while the round runs', async () => {
    const positionId = draftPosition()
    const open = await t.client.as(world.coordinator.cookie).post(`/api/positions/${positionId}/rounds`, {
      kind: 'consent',
      quorum: 0.5,
      closesAt: new Date(t.clock.now() + 7 * 24 * 3600_000).toISOString(),
    })
    const roundId = ((await open.json()) as { id: string }).id
    await t.client.as(world.delegates[0]!.cookie).put(`/api/rounds/${roundId}/ballot`, { choice: 'consent' })
    const res = await t.client.as(world.member.cookie).get(`/api/rounds/${roundId}/result.csv`)
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'result_not_ready' } })
    await t.client.as(world.coordinator.cookie).post(`/api/rounds/${roundId}/cancel`, { reason: 'Falsche Fassung' })
    const cancelled = await t.client.as(world.member.cookie).get(`/api/rounds/${roundId}/result.csv`)
    expect(cancelled.status).toBe(409)
  })

  it('needs a session, and answers 404 for an unknown round', async () => {
    expect((await t.client.get('/api/rounds/nope/result.csv')).status).toBe(401)
    expect((await t.client.as(world.member.cookie).get('/api/rounds/nope/result.csv')).status).toBe(404)
  })
})
