/**
 * The compiled response validator against survey-core 3.0.0's validate(), on the same corpus:
 * the differential test's surveys (show-if logic on questions, panels and pages, requiredIf,
 * enableIf, required flags, every validator kind) and a fixed sample of generated responses that
 * pass the structural checks (the ones both sides judge). survey-core gets one reused Model per
 * survey, as a server would: per response it takes a copy of the answers as data (setting data
 * rewrites them), its errors are reset and validate() runs. The compiled validator runs validate()
 * from the raw answers. Both loops run in turns, twice each, and the ratio is of the best turns.
 * Run: `pnpm --filter @rapport/plugin-satisfaction-survey bench` (env BENCH_SECONDS per turn, default 3).
 */
import fc from 'fast-check'
import { Model, type Question } from 'survey-core'
import { compileSurvey } from '../server/validation/index.js'
import { corpusSurveys, responsesOf } from '../test/validation/corpus.js'

const seconds = Number(process.env.BENCH_SECONDS ?? 3)

type Case = { compiled: ReturnType<typeof compileSurvey>; model: Model; questions: Question[]; responses: Record<string, unknown>[] }

const cases: Case[] = Object.values(corpusSurveys).map((survey, i) => {
  const compiled = compileSurvey(survey)
  const sample = fc.sample(responsesOf(survey, compiled.questions), { numRuns: 400, seed: 7 + i })
  const model = new Model(survey)
  return { compiled, model, questions: model.getAllQuestions() as Question[], responses: sample.filter((a) => compiled.validate(a).structural.length === 0) }
})
const total = cases.reduce((n, c) => n + c.responses.length, 0)

function surveyCorePass(): number {
  let failed = 0
  for (const { model, questions, responses } of cases) {
    for (const answers of responses) {
      model.data = structuredClone(answers)
      for (const q of questions) q.errors = []
      if (!model.validate(true, false)) failed++
    }
  }
  return failed
}

function compiledPass(): number {
  let failed = 0
  for (const { compiled, responses } of cases) {
    for (const answers of responses) if (compiled.validate(answers).rules.length > 0) failed++
  }
  return failed
}

/** Runs whole passes over the corpus for about `seconds`; returns responses per second. */
function measure(pass: () => number): number {
  const start = performance.now()
  let responses = 0
  while (performance.now() - start < seconds * 1000) {
    pass()
    responses += total
  }
  return responses / ((performance.now() - start) / 1000)
}

// Warm-up, and a check that both loops judge the same responses as failing.
const [coreFailed, compiledFailed] = [surveyCorePass(), compiledPass()]
console.log(`corpus: ${cases.length} surveys, ${total} well-formed responses (${compiledFailed} with rule issues; survey-core fails ${coreFailed})`)
const fmt = (n: number) => Math.round(n).toLocaleString('en').padStart(9)
const core: number[] = []
const ours: number[] = []
for (let turn = 0; turn < 2; turn++) {
  core.push(measure(surveyCorePass))
  ours.push(measure(compiledPass))
}
const [bestCore, bestOurs] = [Math.max(...core), Math.max(...ours)]
console.log(`survey-core validate() ${fmt(bestCore)} responses/s  (reused Model per survey)`)
console.log(`compiled validator     ${fmt(bestOurs)} responses/s`)
console.log(`ratio                  ${(bestOurs / bestCore).toFixed(1)}× faster (aim ≥ 10×)`)
