import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { testApp, type TestApp, type TestClient } from '../../support/test-app.ts'

/** A fresh app with one admin and one ordinary person, each with a session. */
export interface AdminWorld {
  t: TestApp
  adminId: string
  admin: TestClient
  personId: string
  person: TestClient
  anonymous: TestClient
  /** Audit actions recorded for an object, oldest first. */
  audit(objectType: string, objectId: string): string[]
}

export async function adminWorld(): Promise<AdminWorld> {
  const t = await testApp()
  const admin = buildPerson(t.db, { name: 'Ada Admin', admin: true })
  const person = buildPerson(t.db, { name: 'Paula Person' })
  return {
    t,
    adminId: admin.id,
    admin: t.client.as(sessionCookie(t.db, admin.id, t.clock.now())),
    personId: person.id,
    person: t.client.as(sessionCookie(t.db, person.id, t.clock.now())),
    anonymous: t.client,
    audit: (type, id) => auditEventsFor(t.db, type, id).map((e) => e.action),
  }
}

export async function errorOf(res: Response): Promise<{ code: string; message: string; field?: string }> {
  const body = (await res.json()) as { error: { code: string; message: string; field?: string } }
  return body.error
}
