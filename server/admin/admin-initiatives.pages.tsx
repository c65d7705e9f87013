import type { InitiativeRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { InitiativePage } from '../../web/views/admin/initiative-page.tsx'
import { InitiativesPage } from '../../web/views/admin/initiatives-page.tsx'
import type { FormValues } from '../../web/views/form/form-view.ts'
import { pageContext } from '../http/render.tsx'
import { addInitiativeMember } from '../initiatives/add-initiative-member.ts'
import { createInitiative } from '../initiatives/create-initiative.ts'
import * as initiativeRepo from '../initiatives/initiative.repo.ts'
import { removeInitiativeMember } from '../initiatives/remove-initiative-member.ts'
import { updateInitiative } from '../initiatives/update-initiative.ts'
import { adminCollectionPages } from './admin-collection.ts'
import { InitiativeForm, InitiativeMemberForm } from './admin-forms.ts'
import { detailProps } from './admin-page-parts.ts'

function storedValues(row: InitiativeRow): FormValues {
  return { name: row.name, slug: row.slug, weight: String(row.weight), active: row.active === 1 ? 'on' : undefined }
}

/** /admin/initiatives: list, create, edit, and the delegates and members of each. */
export const adminInitiativePages = adminCollectionPages({
  path: '/admin/initiatives',
  membersAnchor: 'initiative-members',
  form: InitiativeForm,
  memberForm: InitiativeMemberForm,
  create: createInitiative,
  update: updateInitiative,
  addMember: addInitiativeMember,
  removeMember: removeInitiativeMember,
  listPage: (c, form) => {
    const initiatives = initiativeRepo.listInitiativesWithCounts(c.get('deps').db).map((i) => ({ ...i, active: i.active === 1 }))
    return <InitiativesPage ctx={pageContext(c)} initiatives={initiatives} {...form} />
  },
  detailPage: (c, id, state) => {
    const { db } = c.get('deps')
    const row = initiativeRepo.getInitiative(db, id) ?? fail('not_found', { key: 'admin.error.initiative_not_found' })
    const members = initiativeRepo.listInitiativeMembers(db, id).map((m) => ({ ...m, disabled: m.disabled === 1 }))
    return <InitiativePage ctx={pageContext(c)} initiative={{ id: row.id, name: row.name }} {...detailProps(db, state, storedValues(row), members)} />
  },
})
