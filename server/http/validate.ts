import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'
import type { z } from 'zod'
import { AppError, fail } from '../../shared/errors.ts'
import type { AppEnv } from './app-env.ts'

/** Request bodies above this are refused before parsing; no form or API call needs more. */
export const MAX_BODY_BYTES = 256 * 1024

async function readText(c: Context<AppEnv>): Promise<string> {
  const length = Number(c.req.header('content-length') ?? 0)
  if (length > MAX_BODY_BYTES) fail('payload_too_large')
  // Under @hono/node-server, reading Node's request stream directly skips building a web
  // Request per body, a third of a ballot's server CPU (docs/BENCHMARKS.md, "Figures behind the
  // code"). In-process tests (app.request) have no Node request and take the standard path.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  if (incoming && !incoming.readableDidRead) return readStream(incoming)
  const text = await c.req.text()
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) fail('payload_too_large')
  return text
}

/**
 * Reads a request body, refusing (and no longer buffering) anything beyond MAX_BODY_BYTES.
 * Plain 'data'/'end' listeners: an async iterator over the stream cost more than the rest of
 * reading a small body.
 */
function readStream(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk)
        return
      }
      cleanup()
      chunks.length = 0
      // The rest is read and dropped, so the refusal can still be sent on this connection; a
      // client that gives up meanwhile must not become an unhandled 'error'.
      incoming.on('error', () => {})
      incoming.resume()
      reject(new AppError('payload_too_large'))
    }
    const onEnd = () => {
      cleanup()
      resolve(Buffer.concat(chunks, size).toString('utf8'))
    }
    const onError = (error: Error) => {
      cleanup()
      reject(error)
    }
    const cleanup = () => {
      incoming.off('data', onData)
      incoming.off('end', onEnd)
      incoming.off('error', onError)
    }
    incoming.on('data', onData)
    incoming.on('end', onEnd)
    incoming.on('error', onError)
  })
}

/** Parses and validates a JSON body; wrong content type, bad JSON and bad fields become 400s. */
export async function readJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/(.+\+)?json\b/i.test(type)) fail('unsupported_media_type')
  const text = await readText(c)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    fail('validation', c.get('t')('error.malformed_json'))
  }
  return parseWith(c, schema, data)
}

/** Parses a urlencoded or multipart form body into a plain object and validates it. */
export async function readForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) fail('unsupported_media_type')
  const length = Number(c.req.header('content-length') ?? 0)
  if (length > MAX_BODY_BYTES) fail('payload_too_large')
  const body = await c.req.parseBody({ all: true })
  const data: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body)) data[key] = Array.isArray(value) ? value.map(String) : String(value)
  return parseWith(c, schema, data)
}

/** Validates query parameters. */
export function readQuery<S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.infer<S> {
  return parseWith(c, schema, c.req.query())
}

export function parseWith<S extends z.ZodType>(c: Context<AppEnv>, schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const field = issue?.path.map(String).join('.') || undefined
  const t = c.get('t')
  let message = t('error.validation')
  if (issue) {
    if (issue.code === 'unrecognized_keys') message = t('error.field_unknown', { field: issue.keys.join(', ') })
    else if (issue.code === 'invalid_type' && issue.input === undefined) message = t('error.field_required', { field: field ?? '?' })
    else if (issue.code === 'too_big' && issue.origin === 'string')
      message = t('error.field_too_long', { field: field ?? '?', max: String(issue.maximum) })
    else message = t('error.field_invalid', { field: field ?? '?', detail: issue.message })
  }
  throw new AppError('validation', message, issue?.code === 'unrecognized_keys' ? issue.keys[0] : field)
}
