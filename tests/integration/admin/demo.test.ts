import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../../db/connection.ts'
import { verifyPassword } from '../../../server/auth/passwords.ts'
import { runCli } from '../../../server/cli/main.ts'
import { DEMO_PASSWORD, demoEmail, formatTable } from '../../../server/cli/demo.ts'
import * as groupRepo from '../../../server/groups/group.repo.ts'
import * as initiativeRepo from '../../../server/initiatives/initiative.repo.ts'
import * as personRepo from '../../../server/people/person.repo.ts'
import { checkPasswordRules } from '../../../server/auth/passwords.ts'

async function run(dataDir: string, args: string[] = ['demo'], env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { env: { DATA_DIR: dataDir, LANG: 'de_DE.UTF-8', ...env }, print: (l) => out.push(l), printError: (l) => err.push(l) })
  return { code, out, err }
}

describe('npm run demo', () => {
  it('fills an empty database with a realistic alliance and prints the logins; refuses a second time', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sprachrohr-demo-'))
    const first = await run(dataDir)
    expect(first.err).toEqual([])
    expect(first.code).toBe(0)
    const text = first.out.join('\n')
    expect(text).toContain(`„${DEMO_PASSWORD}“`)
    expect(text).toMatch(/^Name\s+E-Mail\s+Rollen$/m)
    expect(text).toMatch(/^Sabine Hoffmann\s+sabine\.hoffmann@example\.org\s+Administration$/m)
    expect(text).toContain('ayse.demir@example.org')

    const db = openDatabase(join(dataDir, 'sprachrohr.sqlite'))
    try {
      const initiatives = initiativeRepo.listInitiatives(db)
      expect(initiatives.map((i) => i.name)).toEqual(
        expect.arrayContaining([
          'Internationales Café Winsen',
          'Solidarisches Osnabrück',
          'Unterstützerkreis Flüchtlingsunterkünfte Hannover',
          'Freiwilligenagentur Braunschweig',
        ]),
      )
      expect(initiatives.length).toBeGreaterThanOrEqual(6)
      expect(initiatives.filter((i) => i.weight === 2)).toHaveLength(1)
      for (const initiative of initiatives) {
        const delegates = initiativeRepo.listInitiativeMembers(db, initiative.id).filter((m) => m.role === 'delegate')
        expect(delegates.length, initiative.name).toBeGreaterThanOrEqual(1)
      }

      const groups = groupRepo.listGroups(db)
      expect(groups.map((g) => g.name).sort()).toEqual(['Arbeitsmarktintegration', 'Ombudsstelle', 'Sprachförderung', 'Wohnen und Leben'])
      for (const group of groups) expect(groupRepo.listGroupMembers(db, group.id).filter((m) => m.coordinator), group.name).toHaveLength(1)

      const people = personRepo.listPeople(db)
      expect(people.filter((p) => p.is_admin === 1)).toHaveLength(1)
      expect(people.filter((p) => p.is_spokesperson === 1)).toHaveLength(1)
      const delegateOfTwo = people.filter((p) => initiativeRepo.initiativesOfPerson(db, p.id).filter((i) => i.role === 'delegate').length === 2)
      expect(delegateOfTwo).toHaveLength(1)
      const plainMembers = people.filter((p) => {
        const roles = initiativeRepo.initiativesOfPerson(db, p.id)
        return roles.length > 0 && roles.every((i) => i.role === 'member')
      })
      expect(plainMembers.length).toBeGreaterThanOrEqual(3)
      for (const p of people) {
        expect(p.email).toMatch(/^[a-z]+\.[a-z]+@example\.org$/)
        expect(text).toContain(p.email)
      }
      // Everybody shares the one demo password, stored as argon2id.
      const admin = people.find((p) => p.is_admin === 1)!
      expect(await verifyPassword(admin.password_hash!, DEMO_PASSWORD)).toBe(true)
      expect(new Set(people.map((p) => p.password_hash)).size).toBe(1)
    } finally {
      closeDatabase(db)
    }

    const second = await run(dataDir)
    expect(second.code).toBe(1)
    expect(second.err.join('\n')).toContain('Die Datenbank enthält schon Personen')
  })

  it('creates positions in every state with the real domain functions and prints their URLs at PUBLIC_URL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sprachrohr-demo-'))
    const { code, out, err } = await run(dataDir, ['demo'], { PUBLIC_URL: 'https://buendnis.example', PORT: '4321' })
    expect(err).toEqual([])
    expect(code).toBe(0)
    const text = out.join('\n')
    const db = openDatabase(join(dataDir, 'sprachrohr.sqlite'))
    try {
      const positions = db.sqlite.prepare('select id, title, status from positions').all() as Array<{ id: string; title: string; status: string }>
      expect(positions.map((p) => p.status).sort()).toEqual(['adopted', 'drafting', 'in_round', 'published', 'withdrawn'])
      const byStatus = Object.fromEntries(positions.map((p) => [p.status, p]))
      const count = (sql: string, ...args: unknown[]) => (db.sqlite.prepare(sql).get(...args) as { n: number }).n
      // The draft has text; the open round has some answers but not all; the published one has co-signers.
      expect(count('select count(*) as n from doc_updates where position_id = ?', byStatus.drafting!.id)).toBeGreaterThan(0)
      const openRound = db.sqlite.prepare("select id from rounds where position_id = ? and status = 'open'").get(byStatus.in_round!.id) as { id: string }
      const answers = count('select count(*) as n from ballots where round_id = ?', openRound.id)
      expect(answers).toBeGreaterThan(0)
      expect(answers).toBeLessThan(count('select count(*) as n from round_electorate where round_id = ?', openRound.id))
      expect(count('select count(*) as n from signatures where position_id = ?', byStatus.published!.id)).toBeGreaterThanOrEqual(2)
      expect(count('select count(*) as n from publications where position_id = ? and withdrawn_at is not null', byStatus.withdrawn!.id)).toBe(1)
      expect(count("select count(*) as n from rounds where position_id = ? and status = 'closed'", byStatus.adopted!.id)).toBe(1)
      // The rounds told their voters: mails wait in the outbox (no SMTP_URL), for the admin's mail page.
      expect(count("select count(*) as n from mail_outbox where kind = 'round_opened' and sent_at is null")).toBeGreaterThan(0)

      // Every URL printed uses the configured public address, none the port or localhost.
      for (const p of positions) expect(text).toContain(`https://buendnis.example/positions/${p.id}`)
      const slug = (db.sqlite.prepare('select slug from publications where position_id = ?').get(byStatus.published!.id) as { slug: string }).slug
      expect(text).toContain(`https://buendnis.example/p/${slug}`)
      expect(text).toContain('https://buendnis.example/login')
      expect(text).not.toContain('localhost')
    } finally {
      closeDatabase(db)
    }

    // Without PUBLIC_URL the address is the port actually configured.
    const other = await run(mkdtempSync(join(tmpdir(), 'sprachrohr-demo-')), ['demo'], { PORT: '4321' })
    expect(other.out.join('\n')).toContain('http://localhost:4321/positions/')
  })

  it('refuses stray arguments', async () => {
    const { code, err } = await run(mkdtempSync(join(tmpdir(), 'sprachrohr-demo-')), ['demo', '--force'])
    expect(code).toBe(1)
    expect(err.join('\n')).toContain('--force')
  })

  it('uses a password that passes the password rules and addresses spelled like German mail addresses', () => {
    expect(checkPasswordRules(DEMO_PASSWORD, {})).toBeNull()
    expect(demoEmail('Jürgen Weber')).toBe('juergen.weber@example.org')
    expect(demoEmail('Ayşe Demir')).toBe('ayse.demir@example.org')
  })

  it('aligns the login table by characters, not bytes', () => {
    expect(formatTable([['Ayşe', 'x'], ['Bo', 'y']])).toEqual(['Ayşe  x', 'Bo    y'])
  })
})
