import type { TestApp } from './test-app.ts'
import { TEST_ORIGIN } from './test-app.ts'

/** Posts a multipart form with one file, as a browser's file upload does (with its length). */
export async function upload(
  t: Pick<TestApp, 'app'>,
  path: string,
  cookie: string | undefined,
  file: { name: string; bytes: Uint8Array | string; type?: string },
  fields: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  const bytes = typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes
  form.append('file', new File([new Uint8Array(bytes)], file.name, { type: file.type ?? 'application/octet-stream' }))
  const serialised = new Response(form)
  const body = new Uint8Array(await serialised.arrayBuffer())
  const headers: Record<string, string> = {
    origin: TEST_ORIGIN,
    'content-type': serialised.headers.get('content-type') ?? '',
    'content-length': String(body.byteLength),
  }
  if (cookie) headers.cookie = cookie
  return t.app.request(path, { method: 'POST', headers, body })
}
