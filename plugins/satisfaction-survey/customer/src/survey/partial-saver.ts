/**
 * @module
 * Saves the answers so far a moment after the customer stops changing them, and at once when the
 * page is hidden (closing the tab, switching apps on a phone). Sends nothing twice.
 */

/** What the saver reports: saving, saved, or failed (retried with the next change or flush). */
export type SaveState = 'idle' | 'saving' | 'saved' | 'failed'

/** Options: how to save, how long to wait after a change, and where to report. */
export type PartialSaverOptions = {
  save: (answers: Record<string, unknown>, keepalive: boolean) => Promise<unknown>
  delayMs?: number
  onState?: (state: SaveState, error?: unknown) => void
}

/** @example const saver = createPartialSaver({ save }); model.onValueChanged.add(() => saver.schedule(model.data)) */
export function createPartialSaver({ save, delayMs = 800, onState }: PartialSaverOptions) {
  let pending: Record<string, unknown> | undefined
  let lastSent = ''
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let paused = false

  const flush = async (keepalive = false) => {
    clearTimeout(timer)
    if (stopped || paused || !pending) return
    const answers = pending
    const body = JSON.stringify(answers)
    pending = undefined
    if (body === lastSent) return
    onState?.('saving')
    try {
      await save(answers, keepalive)
      lastSent = body
      onState?.('saved')
    } catch (error) {
      pending ??= answers
      onState?.('failed', error)
    }
  }
  const onHide = () => { if (document.visibilityState === 'hidden') void flush(true) }
  const onPageHide = () => void flush(true)
  document.addEventListener('visibilitychange', onHide)
  window.addEventListener('pagehide', onPageHide)

  return {
    /** Remembers the latest answers and saves them after a pause. */
    schedule(answers: Record<string, unknown>) {
      if (stopped) return
      pending = answers
      clearTimeout(timer)
      timer = setTimeout(() => void flush(), delayMs)
    },
    flush,
    /** Holds saves while the response is being completed; `resume` after a refusal. */
    pause() { paused = true; clearTimeout(timer) },
    resume() { paused = false },
    /** Marks answers as already stored (resumed from the server). */
    seed(answers: Record<string, unknown>) { lastSent = JSON.stringify(answers) },
    /** Stops saving (the response is being completed, or the page left). */
    stop() {
      stopped = true
      clearTimeout(timer)
      document.removeEventListener('visibilitychange', onHide)
      window.removeEventListener('pagehide', onPageHide)
    },
  }
}
