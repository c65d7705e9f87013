import { Hono } from 'hono'
import { z } from 'zod'
import type { CommentRow } from '../../db/schema/index.ts'
import { MAX_COMMENT_LENGTH } from '../../shared/comments/mentions.ts'
import { fail } from '../../shared/errors.ts'
import { requireCan } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import * as positionRepo from '../positions/position.repo.ts'
import { readJson, readQuery } from '../http/validate.ts'
import { commentEvents } from './comment-events.ts'
import { createComment } from './create-comment.ts'
import { deleteComment } from './delete-comment.ts'
import { editComment } from './edit-comment.ts'
import { readComments } from './read-comments.ts'
import { replyToComment } from './reply-to-comment.ts'
import { setThreadResolved } from './resolve-comment.ts'

const position = z.number().int().min(0).max(100_000_000)
const bodyField = z.string().trim().min(1).max(MAX_COMMENT_LENGTH)
const CreateBody = z.strictObject({
  body: bodyField,
  anchor: z.union([
    z.strictObject({ versionNumber: z.number().int().min(1).max(1_000_000), from: position, to: position }),
    z.strictObject({ from: position, to: position }),
  ]),
})
const TextBody = z.strictObject({ body: bodyField })
const ListQuery = z.strictObject({ version: z.coerce.number().int().min(1).max(1_000_000).optional() })

const READ = { type: 'comment.read' } as const

function presentCreated(row: CommentRow) {
  return {
    id: row.id,
    body: row.body,
    quote: row.quote,
    anchor: row.anchor_kind === 'version' ? { versionNumber: row.version_number, from: row.version_from, to: row.version_to } : null,
    threadId: row.thread_id,
    createdAt: new Date(row.created_at).toISOString(),
  }
}

/** /api: comments on the text of a position and their threads. */
export const commentsRoutes = new Hono<AppEnv>()
  .post('/positions/:id/comments', async (c) => {
    const { actor } = requireCan(c, READ)
    const input = await readJson(c, CreateBody)
    return c.json(presentCreated(createComment(c.get('deps'), actor, c.req.param('id'), input)), 201)
  })
  .get('/positions/:id/comments', (c) => {
    const { actor } = requireCan(c, READ)
    const { version } = readQuery(c, ListQuery)
    c.header('Cache-Control', 'no-store')
    return c.json(readComments(c.get('deps'), actor, c.req.param('id'), { versionNumber: version }))
  })
  .get('/positions/:id/comments/events', (c) => {
    const current = requireCan(c, READ)
    const row = positionRepo.getPosition(c.get('deps').db, c.req.param('id')) ?? fail('not_found')
    return commentEvents(c, c.get('deps'), current, row.id)
  })
  .post('/comments/:id/replies', async (c) => {
    const { actor } = requireCan(c, READ)
    const { body } = await readJson(c, TextBody)
    return c.json(presentCreated(replyToComment(c.get('deps'), actor, c.req.param('id'), body)), 201)
  })
  .post('/comments/:id/resolve', (c) => {
    const { actor } = requireCan(c, READ)
    return c.json({ ...setThreadResolved(c.get('deps'), actor, c.req.param('id'), true), resolved: true })
  })
  .post('/comments/:id/reopen', (c) => {
    const { actor } = requireCan(c, READ)
    return c.json({ ...setThreadResolved(c.get('deps'), actor, c.req.param('id'), false), resolved: false })
  })
  .patch('/comments/:id', async (c) => {
    const { actor } = requireCan(c, READ)
    const { body } = await readJson(c, TextBody)
    return c.json(editComment(c.get('deps'), actor, c.req.param('id'), body))
  })
  .delete('/comments/:id', (c) => {
    const { actor } = requireCan(c, READ)
    return c.json({ ...deleteComment(c.get('deps'), actor, c.req.param('id')), deleted: true })
  })
