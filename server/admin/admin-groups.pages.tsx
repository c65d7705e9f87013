import type { WorkingGroupRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { GroupPage } from '../../web/views/admin/group-page.tsx'
import { GroupsPage } from '../../web/views/admin/groups-page.tsx'
import type { FormValues } from '../../web/views/form/form-view.ts'
import { addGroupMember } from '../groups/add-group-member.ts'
import { createGroup } from '../groups/create-group.ts'
import * as groupRepo from '../groups/group.repo.ts'
import { removeGroupMember } from '../groups/remove-group-member.ts'
import { updateGroup } from '../groups/update-group.ts'
import { pageContext } from '../http/render.tsx'
import { adminCollectionPages } from './admin-collection.ts'
import { GroupForm, GroupMemberForm } from './admin-forms.ts'
import { detailProps } from './admin-page-parts.ts'

function storedValues(row: WorkingGroupRow): FormValues {
  return { name: row.name, slug: row.slug, description: row.description }
}

/** /admin/groups: working groups, their members and coordinators. */
export const adminGroupPages = adminCollectionPages({
  path: '/admin/groups',
  membersAnchor: 'group-members',
  form: GroupForm,
  memberForm: GroupMemberForm,
  create: createGroup,
  update: updateGroup,
  addMember: addGroupMember,
  removeMember: removeGroupMember,
  listPage: (c, form) => <GroupsPage ctx={pageContext(c)} groups={groupRepo.listGroupsWithCounts(c.get('deps').db)} {...form} />,
  detailPage: (c, id, state) => {
    const { db } = c.get('deps')
    const row = groupRepo.getGroup(db, id) ?? fail('not_found', { key: 'admin.error.group_not_found' })
    const members = groupRepo.listGroupMembers(db, id)
    return <GroupPage ctx={pageContext(c)} group={{ id: row.id, name: row.name, slug: row.slug }} {...detailProps(db, state, storedValues(row), members)} />
  },
})
