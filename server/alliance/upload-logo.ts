import { imageSize } from 'image-size'
import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { saveLogo } from './alliance.repo.ts'

/** A logo is shown small; anything above this is a photo or a print file, not a logo. */
export const LOGO_MAX_BYTES = 512 * 1024
const LOGO_MAX_SIDE = 4000

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff])

/**
 * What the bytes are, by their content alone (the file name and the browser's type are the
 * uploader's word, not a fact): PNG or JPEG, with a size image-size can read. SVG is refused on
 * purpose: it can carry scripts, and it is shown on every public page.
 */
export function checkLogo(bytes: Buffer): { type: 'image/png' | 'image/jpeg'; width: number; height: number } {
  if (bytes.length === 0) fail('validation', undefined, 'logo')
  if (bytes.length > LOGO_MAX_BYTES) fail('payload_too_large', undefined, 'logo')
  const type = bytes.subarray(0, 8).equals(PNG_MAGIC) ? 'image/png' : bytes.subarray(0, 3).equals(JPEG_MAGIC) ? 'image/jpeg' : null
  if (!type) fail('image_type', undefined, 'logo')
  let size: { width?: number; height?: number; type?: string }
  try {
    size = imageSize(bytes)
  } catch {
    fail('image_type', undefined, 'logo')
  }
  const expected = type === 'image/png' ? 'png' : 'jpg'
  if (size.type !== expected || !size.width || !size.height) fail('image_type', undefined, 'logo')
  if (size.width > LOGO_MAX_SIDE || size.height > LOGO_MAX_SIDE) fail('payload_too_large', undefined, 'logo')
  return { type, width: size.width, height: size.height }
}

/** An admin uploads the alliance's logo (or removes it with `null`). */
export function uploadLogo(deps: Deps, actor: Actor, bytes: Buffer | null): void {
  if (!can(actor, { type: 'alliance.manage' })) fail('forbidden')
  const logo = bytes === null ? null : { bytes, ...checkLogo(bytes) }
  transaction(deps.db, () => {
    saveLogo(deps.db, logo, deps.now(), actor.id)
    recordAudit(deps, {
      actorId: actor.id,
      action: logo ? 'alliance.logo' : 'alliance.logo_remove',
      objectType: 'alliance',
      objectId: '1',
      data: logo ? { type: logo.type, width: logo.width, height: logo.height, bytes: logo.bytes.length } : {},
    })
  })
}
