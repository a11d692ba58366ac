/**
 * @module
 * The public link's proof of work, started as soon as the survey shows so it is usually ready
 * by the time the customer completes: a challenge from the server, solved in batches, renewed
 * when it is about to expire.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { newChallenge, type Proof } from '../api/survey-api'
import { solveProof } from './solve-proof'

type Solving = { expiresAt: number; proof: Promise<Proof> }

/** @example const { progress, take } = useProof(token, bits); const proof = await take() */
export function useProof(token: string | undefined, bits: number) {
  const [progress, setProgress] = useState<number | undefined>(undefined)
  const current = useRef<Solving | undefined>(undefined)

  const start = useCallback((): Solving => {
    setProgress(0)
    const challenge = newChallenge(token!)
    const solving: Solving = { expiresAt: Number.POSITIVE_INFINITY, proof: Promise.resolve({ challenge: '', nonce: '' }) }
    solving.proof = challenge.then(async (c) => {
      solving.expiresAt = Date.parse(c.expiresAt)
      const nonce = await solveProof(c.challenge, c.bits, setProgress)
      setProgress(undefined)
      return { challenge: c.challenge, nonce }
    })
    solving.proof.catch(() => setProgress(undefined))
    current.current = solving
    return solving
  }, [token])

  useEffect(() => { if (token && bits > 0 && !current.current) start() }, [token, bits, start])

  /** A proof to send now (a fresh one when the last is spent, failed or about to expire). */
  const take = useCallback(async (): Promise<Proof | undefined> => {
    if (!token || bits <= 0) return undefined
    let solving = current.current
    if (!solving || solving.expiresAt - Date.now() < 15_000) solving = start()
    // A challenge is spent by one response: the next completion needs a new one.
    current.current = undefined
    return solving.proof
  }, [token, bits, start])

  return { progress, take }
}
