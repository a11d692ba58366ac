/**
 * @module
 * Checks that a file's bytes agree with its declared type, so a script cannot be stored as an image.
 */

const starts = (bytes: Uint8Array, sig: readonly number[], offset = 0) => sig.every((b, i) => bytes[offset + i] === b)

/** Whether the bytes look like the type (text/plain: valid UTF-8 without NUL). @example looksLike(bytes, 'image/png') */
export function looksLike(bytes: Uint8Array, contentType: string): boolean {
  switch (contentType) {
    case 'image/png': return starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    case 'image/jpeg': return starts(bytes, [0xff, 0xd8, 0xff])
    case 'image/gif': return starts(bytes, [0x47, 0x49, 0x46, 0x38])
    case 'image/webp': return starts(bytes, [0x52, 0x49, 0x46, 0x46]) && starts(bytes, [0x57, 0x45, 0x42, 0x50], 8)
    case 'application/pdf': return starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])
    case 'text/plain': {
      if (bytes.includes(0)) return false
      try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); return true } catch { return false }
    }
    default: return true
  }
}
