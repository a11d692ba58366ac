/**
 * Differential test: the compiled validator against survey-core 3.0.0 on generated responses.
 * For every response that passes the structural (400) checks, both must agree on which questions
 * have a required or validator error and on which answers are dropped as hidden.
 *
 * Deliberate differences from survey-core, all outside the comparison:
 * - Structural checks survey-core does not make (out-of-range, non-integer or string ratings, choices
 *   not offered, wrong value types, unknown keys, "none" with other choices, "other" text without
 *   "other"): Rapport answers 400, so such responses never reach the comparison.
 * - Limits survey-core does not enforce (more than maxSelectedChoices, text over a question's
 *   maxLength or the survey's maxTextLength): Rapport answers 422; responses that break one are
 *   left out of the comparison.
 * - minSelectedChoices and eachRowRequired: survey-core reports them on an optional question left
 *   empty; Rapport only once the question is answered (filtered in survey-core-verdict.ts). The corpus
 *   puts no expression validator on those questions, since survey-core skips validators after that error.
 * - Empty answers (null, "", [], {}) are not compared for dropping: survey-core keeps or drops them
 *   inconsistently and they carry nothing.
 * - Expression questions: survey-core recomputes their value; Rapport keeps what was sent (and refuses
 *   expressions that read them), so they are not compared.
 */
import fc from 'fast-check'
import { Helpers } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { compileSurvey } from '../../server/validation/index.js'
import { corpusSurveys, responsesOf } from './corpus.js'
import { type ErrorKinds, surveyCoreJudge } from './survey-core-verdict.js'

// Issues of the limits Rapport enforces and survey-core does not (answer-limits.ts); a text
// validator's maxLength also reports TEXT_TOO_LONG, but with its own message ("enter at most …").
const limitCodes = new Set(['TOO_MANY_CHOICES', 'TEXT_TOO_LONG'])

// 4 surveys × 520 runs: at least 2,000 generated responses.
const runsPerSurvey = 520

describe('compiled validator agrees with survey-core 3.0.0', () => {
  const totals = { responses: 0, compared: 0, withRuleIssues: 0, withDrops: 0 }

  it.each(Object.entries(corpusSurveys))('on survey %s', (_name, survey) => {
    const compiled = compileSurvey(survey)
    const judge = surveyCoreJudge(survey)
    let compared = 0
    fc.assert(
      fc.property(responsesOf(survey, compiled.questions), (answers) => {
        totals.responses++
        const ours = compiled.validate(answers)
        if (ours.structural.length > 0) return
        if (ours.rules.some((i) => limitCodes.has(i.code) && !i.message.startsWith(`${i.question}: enter`))) return
        compared++
        const core = judge.verdict(answers)
        const errors: ErrorKinds = {}
        for (const issue of ours.rules) (errors[issue.question] ??= []).push(issue.code === 'REQUIRED' ? 'required' : 'invalid')
        for (const kinds of Object.values(errors)) kinds.sort()
        const dropped = Object.keys(answers).filter((k) => !Helpers.isValueEmpty(answers[k]) && !(k in ours.accepted)).sort()
        expect({ errors, dropped }).toEqual(core)
        if (ours.rules.length > 0) totals.withRuleIssues++
        if (dropped.length > 0) totals.withDrops++
      }),
      { numRuns: runsPerSurvey, seed: 20250601 },
    )
    totals.compared += compared
    // Most generated responses are well-formed, so the comparison covers a real share of them.
    expect(compared).toBeGreaterThan(runsPerSurvey / 3)
  }, 180_000)

  it('covered at least 2,000 responses, with both verdicts and drops exercised', () => {
    expect(totals.responses).toBeGreaterThanOrEqual(2000)
    expect(totals.withRuleIssues).toBeGreaterThan(200)
    expect(totals.withDrops).toBeGreaterThan(200)
  })
})
