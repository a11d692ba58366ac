/**
 * @module
 * Finds a proof-of-work nonce: `sha256("<challenge>:<nonce>")` must begin with `bits` zero bits.
 * Hashes with `crypto.subtle` in batches, so the page keeps answering between them and can show
 * progress (the expected number of tries is 2^bits). Used by the customer page and the widget.
 */

const BATCH = 256

/** How many leading zero bits a digest has. @example leadingZeroBits(new Uint8Array([0, 0x1f])) // 11 */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0
  for (const byte of digest) {
    if (byte === 0) { bits += 8; continue }
    return bits + Math.clz32(byte) - 24
  }
  return bits
}

/**
 * @param onProgress called after each batch with an estimate in [0, 1) of the work done
 * @example const nonce = await solveProof(challenge, 8, (p) => bar.value = p)
 */
export async function solveProof(challenge: string, bits: number, onProgress?: (done: number) => void): Promise<string> {
  const encoder = new TextEncoder()
  const expected = 2 ** bits
  for (let start = 0; ; start += BATCH) {
    const nonces = Array.from({ length: BATCH }, (_, i) => start + i)
    const digests = await Promise.all(nonces.map((n) => crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${n}`))))
    const found = digests.findIndex((d) => leadingZeroBits(new Uint8Array(d)) >= bits)
    if (found >= 0) return String(nonces[found])
    // The chance of having found it by now is 1 - e^(-tries / expected): a bar that never stalls at 100 %.
    onProgress?.(1 - Math.exp(-(start + BATCH) / expected))
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}
