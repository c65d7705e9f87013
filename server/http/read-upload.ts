import type { Context } from 'hono'
import type { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import type { AppEnv } from './app-env.ts'
import { parseWith } from './validate.ts'

export interface Upload<T> {
  fields: T
  file: { name: string; bytes: Uint8Array }
}

/**
 * Reads a multipart form with one file (field `file`) and text fields. The declared length is
 * checked before anything is read, and the file's size again after (a body without a length is
 * refused), so nothing beyond `maxBytes` is parsed. Text fields are validated with `schema`.
 */
export async function readUpload<S extends z.ZodType>(c: Context<AppEnv>, schema: S, maxBytes: number): Promise<Upload<z.infer<S>>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^multipart\/form-data\b/i.test(type)) fail('unsupported_media_type')
  const length = Number(c.req.header('content-length') ?? NaN)
  // Room for the form's other fields and the multipart framing.
  if (!Number.isFinite(length) || length > maxBytes + 64 * 1024) fail('import_too_large')
  let body: Record<string, string | File>
  try {
    body = await c.req.parseBody()
  } catch {
    return fail('validation', undefined, 'file')
  }
  const { file, ...rest } = body
  if (!(file instanceof File) || file.size === 0) fail('validation', c.get('t')('exchange.error.file_missing'), 'file')
  if (file.size > maxBytes) fail('import_too_large')
  const text: Record<string, string> = {}
  for (const [key, value] of Object.entries(rest)) if (typeof value === 'string' && value !== '') text[key] = value
  const fields = parseWith(c, schema, text)
  return { fields, file: { name: file.name.slice(0, 255), bytes: new Uint8Array(await file.arrayBuffer()) } }
}
