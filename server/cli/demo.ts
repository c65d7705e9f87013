import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import type { Translate } from '../../shared/i18n/index.ts'
import type { GlobalRole } from '../../shared/fields.ts'
import { slugify } from '../../shared/slug.ts'
import { checkPasswordRules, hashPassword } from '../auth/passwords.ts'
import type { Deps } from '../deps.ts'
import { addGroupMember } from '../groups/add-group-member.ts'
import { createGroup } from '../groups/create-group.ts'
import { addInitiativeMember } from '../initiatives/add-initiative-member.ts'
import { createInitiative } from '../initiatives/create-initiative.ts'
import { insertPersonRecord } from '../people/create-person.ts'
import * as personRepo from '../people/person.repo.ts'
import type { CliContext } from './main.ts'
import { createDemoPositions, type DemoPosition } from './demo-positions.ts'

/** Everybody in the demo logs in with this; it passes the password rules (checked below anyway). */
export const DEMO_PASSWORD = 'Demo-Sprachrohr-2026'

type InitiativeKey = 'winsen' | 'osnabrueck' | 'hannover' | 'braunschweig' | 'goettingen' | 'lueneburg' | 'celle'
type GroupKey = 'wohnen' | 'arbeit' | 'sprache' | 'ombud'

const INITIATIVES: Record<InitiativeKey, { name: string; weight?: number }> = {
  winsen: { name: 'Internationales Café Winsen' },
  osnabrueck: { name: 'Solidarisches Osnabrück' },
  // The biggest member: several shelters, so the alliance gave it two votes.
  hannover: { name: 'Unterstützerkreis Flüchtlingsunterkünfte Hannover', weight: 2 },
  braunschweig: { name: 'Freiwilligenagentur Braunschweig' },
  goettingen: { name: 'Refugee Law Clinic Göttingen' },
  lueneburg: { name: 'Netzwerk Asyl Lüneburg' },
  celle: { name: 'Willkommensinitiative Celle' },
}

const GROUPS: Record<GroupKey, { name: string; description: string }> = {
  wohnen: { name: 'Wohnen und Leben', description: 'Wohnungssuche, Unterkünfte, Nachbarschaft und Alltag.' },
  arbeit: { name: 'Arbeitsmarktintegration', description: 'Arbeitserlaubnis, Anerkennung von Abschlüssen, Ausbildung und Praktika.' },
  sprache: { name: 'Sprachförderung', description: 'Sprachkurse, Sprachcafés, Tandems und Lernmaterial.' },
  ombud: { name: 'Ombudsstelle', description: 'Beschwerden aus den Unterkünften und der Umgang mit Behörden.' },
}

interface DemoPerson {
  name: string
  roles?: GlobalRole[]
  delegateOf?: InitiativeKey[]
  memberOf?: InitiativeKey[]
  groups?: GroupKey[]
  coordinates?: GroupKey[]
}

const PEOPLE: DemoPerson[] = [
  { name: 'Sabine Hoffmann', roles: ['admin'] },
  { name: 'Thomas Krüger', roles: ['spokesperson'], memberOf: ['osnabrueck'] },
  { name: 'Ayşe Demir', delegateOf: ['hannover'], coordinates: ['wohnen'] },
  { name: 'Michael Schneider', memberOf: ['braunschweig'], coordinates: ['arbeit'] },
  { name: 'Fatima Haidari', delegateOf: ['winsen'], coordinates: ['sprache'] },
  { name: 'Jürgen Weber', memberOf: ['osnabrueck'], coordinates: ['ombud'] },
  { name: 'Anna Schulz', delegateOf: ['winsen'], groups: ['sprache', 'wohnen'] },
  { name: 'Lena Wagner', delegateOf: ['osnabrueck'], groups: ['wohnen', 'ombud'] },
  { name: 'Yusuf Özdemir', delegateOf: ['osnabrueck'], groups: ['arbeit'] },
  { name: 'Katharina Fischer', delegateOf: ['hannover'], groups: ['wohnen', 'ombud'] },
  { name: 'Samir Haddad', delegateOf: ['hannover'], groups: ['arbeit', 'sprache'] },
  { name: 'Claudia Meyer', delegateOf: ['braunschweig'], groups: ['arbeit'] },
  // Delegate of two initiatives: in an initiatives vote he casts each one's ballot separately.
  { name: 'Jonas Richter', delegateOf: ['goettingen', 'lueneburg'], groups: ['ombud', 'wohnen'] },
  { name: 'Elif Kaya', delegateOf: ['celle'], groups: ['sprache'] },
  { name: 'Hamid Rahimi', memberOf: ['winsen'], groups: ['sprache'] },
  { name: 'Maria Becker', memberOf: ['osnabrueck'] },
  { name: 'Peter Neumann', memberOf: ['hannover'], groups: ['wohnen'] },
  { name: 'Daniel Wolf', memberOf: ['braunschweig'] },
  { name: 'Miriam Klein', memberOf: ['lueneburg'], groups: ['ombud'] },
  { name: 'Olena Kovalenko', memberOf: ['celle', 'hannover'], groups: ['sprache'] },
]

/** vorname.nachname@example.org, spelled the way German mail addresses usually are (ü → ue). */
export function demoEmail(name: string): string {
  return `${name.split(' ').map(slugify).join('.')}@example.org`
}

interface Login {
  name: string
  email: string
  roles: string
}

/** Writes the whole demo alliance in one transaction; refuses when anyone exists already. */
export async function createDemoAlliance(
  deps: Deps,
  t: Translate,
): Promise<{ logins: Login[]; initiatives: number; groups: number; positions: DemoPosition[] }> {
  if (personRepo.countPeople(deps.db) > 0) fail('conflict', t('demo.refused'))
  if (checkPasswordRules(DEMO_PASSWORD, {})) throw new Error('the demo password breaks the password rules')
  // One argon2 hash for everybody: hashing twenty times would only make the demo slow to set up.
  const passwordHash = await hashPassword(DEMO_PASSWORD, deps.config.passwordHashCost)

  const alliance = transaction(deps.db, () => {
    // Checked again inside the transaction: someone may have set up an admin in the meantime.
    if (personRepo.countPeople(deps.db) > 0) fail('conflict', t('demo.refused'))
    const initiativeIds = {} as Record<InitiativeKey, string>
    for (const [key, initiative] of Object.entries(INITIATIVES) as Array<[InitiativeKey, (typeof INITIATIVES)[InitiativeKey]]>) {
      initiativeIds[key] = createInitiative(deps, null, { name: initiative.name, weight: initiative.weight }).id
    }
    const groupIds = {} as Record<GroupKey, string>
    for (const [key, group] of Object.entries(GROUPS) as Array<[GroupKey, (typeof GROUPS)[GroupKey]]>) {
      groupIds[key] = createGroup(deps, null, group).id
    }

    const personIds = new Map<string, string>()
    const logins = PEOPLE.map((p) => {
      const email = demoEmail(p.name)
      const person = insertPersonRecord(deps, null, { email, name: p.name, roles: p.roles ?? [], passwordHash })
      personIds.set(p.name, person.id)
      const described: string[] = (p.roles ?? []).map((role) => t(`admin.role.${role}`))
      for (const key of p.coordinates ?? []) {
        addGroupMember(deps, null, groupIds[key], { personId: person.id, coordinator: true })
        described.push(`${t('admin.role.coordinator')} ${GROUPS[key].name}`)
      }
      for (const key of p.groups ?? []) {
        addGroupMember(deps, null, groupIds[key], { personId: person.id })
        described.push(t('demo.in_group', { group: GROUPS[key].name }))
      }
      for (const key of p.delegateOf ?? []) {
        addInitiativeMember(deps, null, initiativeIds[key], { personId: person.id, role: 'delegate' })
        described.push(`${t('admin.role.delegate')} ${INITIATIVES[key].name}`)
      }
      for (const key of p.memberOf ?? []) {
        addInitiativeMember(deps, null, initiativeIds[key], { personId: person.id, role: 'member' })
        described.push(`${t('admin.role.member')} ${INITIATIVES[key].name}`)
      }
      return { name: p.name, email, roles: described.join('; ') }
    })
    return { logins, initiatives: Object.keys(INITIATIVES).length, groups: Object.keys(GROUPS).length, initiativeIds, groupIds, personIds }
  })
  // Outside the transaction: ballots commit through their own group commit, as in real use.
  const positions = await createDemoPositions(deps, {
    personId: (name) => alliance.personIds.get(name) ?? fail('not_found', name),
    groupId: (key) => alliance.groupIds[key as GroupKey] ?? fail('not_found', key),
    initiativeId: (key) => alliance.initiativeIds[key as InitiativeKey] ?? fail('not_found', key),
  })
  return { logins: alliance.logins, initiatives: alliance.initiatives, groups: alliance.groups, positions }
}

/** Lays rows out as aligned columns; counts characters, not UTF-16 units, so "Ayşe" lines up. */
export function formatTable(rows: string[][]): string[] {
  const width = (s: string) => [...s].length
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => width(row[col] ?? ''))))
  return rows.map((row) =>
    row
      .map((cell, col) => (col === row.length - 1 ? cell : cell + ' '.repeat(widths[col]! - width(cell))))
      .join('  ')
      .trimEnd(),
  )
}

/** `demo`: fills an empty database with a realistic alliance and prints who can log in. */
export async function demo(args: string[], { deps, t, print }: CliContext): Promise<void> {
  if (args.length > 0) fail('validation', t('cli.option_unknown', { option: args.join(' ') }))
  const { logins, initiatives, groups, positions } = await createDemoAlliance(deps, t)
  // The address the server will answer on: PUBLIC_URL when set, else http://localhost:PORT.
  const base = deps.config.publicUrl
  print(t('demo.done', { initiatives, groups, people: logins.length }))
  print(t('demo.password', { password: DEMO_PASSWORD, url: `${base}/login` }))
  print('')
  const table = formatTable([[t('demo.col.name'), t('demo.col.email'), t('demo.col.roles')], ...logins.map((l) => [l.name, l.email, l.roles])])
  for (const line of table) print(line)
  print('')
  print(t('demo.positions', { n: positions.length }))
  const rows = positions.map((p) => [t(`positions.status.${p.state}`), p.title, `${base}${p.path}`, p.publicPath ? `${base}${p.publicPath}` : ''])
  for (const line of formatTable([[t('demo.col.status'), t('demo.col.title'), t('demo.col.page'), t('demo.col.public')], ...rows])) print(line)
  print('')
  print(t('demo.start', { url: base }))
}
