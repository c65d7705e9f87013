import { Hono, type Context } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { z } from 'zod'
import type { Deps } from '../deps.ts'
import type { AppEnv } from '../http/app-env.ts'
import { render, type PageStatus } from '../http/render.tsx'
import { postAdminForm } from './admin-forms.ts'
import { detailStateOf, requireAdmin, type DetailState, type FormState } from './admin-page-parts.ts'

/**
 * What differs between the admin pages of a collection with members (initiatives, working
 * groups): where it lives, its two forms, the domain functions they call and the two views.
 * Everything else — the admin check, the routes, refused forms shown again, the redirects after
 * saving — is `adminCollectionPages`.
 */
export interface AdminCollection<F extends z.ZodType, M extends z.ZodType> {
  /** The list's path, e.g. '/admin/groups'. */
  path: string
  /** Id of the members section on the detail page: a member change lands there. */
  membersAnchor: string
  form: F
  memberForm: M
  create(deps: Deps, actorId: string, input: z.infer<F>): { id: string }
  update(deps: Deps, actorId: string, id: string, input: z.infer<F>): unknown
  addMember(deps: Deps, actorId: string, id: string, input: z.infer<M>): unknown
  removeMember(deps: Deps, actorId: string, id: string, personId: string): unknown
  /** The list with its create form (empty, or refused). */
  listPage(c: Context<AppEnv>, form: FormState): JSX.Element
  /** One entry: its edit form, its members and the add-a-member form; not_found when it does not exist. */
  detailPage(c: Context<AppEnv>, id: string, state: DetailState): JSX.Element
}

/** The routes of a collection's admin pages: list and create, show and edit, add and remove members. */
export function adminCollectionPages<F extends z.ZodType, M extends z.ZodType>(spec: AdminCollection<F, M>): Hono<AppEnv> {
  const list = (c: Context<AppEnv>, form: FormState = {}, status: PageStatus = 200) => render(c, spec.listPage(c, form), status)
  const detail = (c: Context<AppEnv>, id: string, state: DetailState, status: PageStatus = 200) => render(c, spec.detailPage(c, id, state), status)
  const saved = (c: Context<AppEnv>, id: string, anchor = '') => c.redirect(`${spec.path}/${id}?saved=1${anchor}`, 303)
  return new Hono<AppEnv>()
    .get('/', (c) => {
      requireAdmin(c)
      return list(c)
    })
    .post('/', async (c) => {
      const { person } = requireAdmin(c)
      return postAdminForm(
        c,
        spec.form,
        (input) => spec.create(c.get('deps'), person.id, input),
        (form, status) => list(c, form, status),
        (created) => saved(c, created.id),
      )
    })
    .get('/:id', (c) => {
      requireAdmin(c)
      return detail(c, c.req.param('id'), detailStateOf(c))
    })
    .post('/:id', async (c) => {
      const { person } = requireAdmin(c)
      const id = c.req.param('id')
      return postAdminForm(
        c,
        spec.form,
        (input) => spec.update(c.get('deps'), person.id, id, input),
        (form, status) => detail(c, id, { form }, status),
        () => saved(c, id),
      )
    })
    .post('/:id/members', async (c) => {
      const { person } = requireAdmin(c)
      const id = c.req.param('id')
      return postAdminForm(
        c,
        spec.memberForm,
        (input) => spec.addMember(c.get('deps'), person.id, id, input),
        (memberForm, status) => detail(c, id, { memberForm }, status),
        () => saved(c, id, `#${spec.membersAnchor}`),
      )
    })
    .post('/:id/members/:personId/remove', (c) => {
      const { person } = requireAdmin(c)
      const id = c.req.param('id')
      spec.removeMember(c.get('deps'), person.id, id, c.req.param('personId'))
      return saved(c, id, `#${spec.membersAnchor}`)
    })
}
