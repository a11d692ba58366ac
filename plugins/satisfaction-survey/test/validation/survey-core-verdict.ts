/**
 * survey-core 3.0.0's verdict on a response, read from one reused Model per survey: which
 * questions report an error (and whether it is "required"), and which sent answers doComplete drops.
 * Shared by the differential test and the validator benchmark.
 */
import { Helpers, Model, type Question } from 'survey-core'
import type { SurveyJson } from '../../server/validation/index.js'

/** Question name → sorted error kinds ('required' or 'invalid'). */
export type ErrorKinds = Record<string, string[]>

/** What survey-core decided about one response. */
export type CoreVerdict = { errors: ErrorKinds; dropped: string[] }

const isEmpty = (v: unknown) => Helpers.isValueEmpty(typeof v === 'string' ? v.trim() : v)

/** A reusable survey-core judge for one survey. */
export function surveyCoreJudge(json: SurveyJson) {
  const model = new Model(json)
  const questions = model.getAllQuestions() as Question[]
  const emptyQuirk = new Set(questions.filter((q) => {
    const json = q.toJSON() as Record<string, unknown>
    return json.minSelectedChoices !== undefined || json.eachRowRequired === true
  }).map((q) => q.name))
  return {
    /** Only validate() (what the benchmark times). */
    validate(answers: Record<string, unknown>): boolean {
      model.clear(true, true)
      model.data = structuredClone(answers)
      return model.validate(true, false)
    },
    verdict(answers: Record<string, unknown>): CoreVerdict {
      model.clear(true, true)
      model.data = structuredClone(answers)
      // A reused Model keeps the errors of the previous response on questions that are now hidden
      // (validate() skips them without resetting them): clear every question's errors first.
      for (const q of questions) q.errors = []
      model.validate(true, false)
      const errors: ErrorKinds = {}
      for (const q of questions) {
        let kinds = q.errors.map((e) => (e.getErrorType() === 'required' ? 'required' : 'invalid'))
        // Deliberate difference: survey-core reports minSelectedChoices and eachRowRequired on an
        // optional question left empty; Rapport checks them only once the question is answered.
        if (emptyQuirk.has(q.name) && isEmpty(answers[q.name])) kinds = kinds.filter((k) => k === 'required')
        if (kinds.length > 0) errors[q.name] = kinds.sort()
      }
      model.doComplete()
      const kept = model.data as Record<string, unknown>
      const dropped = Object.keys(answers).filter((k) => !Helpers.isValueEmpty(answers[k]) && !(k in kept)).sort()
      return { errors, dropped }
    },
  }
}
