/**
 * Surveys with show-if logic and response generators shared by the differential test and the
 * validator benchmark. The surveys cover every supported question type, visibleIf on questions,
 * panels and pages, requiredIf, enableIf, static visibility, required flags, type checks survey-core
 * makes itself (number/date limits, e-mail input, other text, min selected choices, each row
 * required) and every validator kind.
 */
import fc from 'fast-check'
import type { QuestionInfo, SurveyJson } from '../../server/validation/index.js'

/** NPS with follow-ups that depend on the score, a page shown only once the score is given, a panel shown on a boolean. */
export const npsSurvey: SurveyJson = {
  title: { default: 'How likely are you to recommend us?', 'zh-cn': '您向朋友推荐我们的可能性有多大？' },
  pages: [
    {
      name: 'score',
      elements: [
        { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10, isRequired: true, title: { default: 'Score', 'zh-cn': '评分' } },
        { type: 'comment', name: 'whyLow', visibleIf: '{nps} <= 6', isRequired: true, maxLength: 40 },
        { type: 'comment', name: 'whyHigh', visibleIf: '{nps} >= 9', validators: [{ type: 'text', minLength: 3 }] },
        { type: 'boolean', name: 'recommended' },
        { type: 'text', name: 'contactEmail', inputType: 'email', requiredIf: '{recommended} = false' },
      ],
    },
    {
      name: 'details',
      visibleIf: '{nps} notempty',
      elements: [
        {
          type: 'panel', name: 'fans', visibleIf: '{recommended} = true',
          elements: [
            { type: 'checkbox', name: 'features', choices: ['speed', 'price', 'staff', 'range'], showOtherItem: true, showNoneItem: true, maxSelectedChoices: 3, minSelectedChoices: 2 },
            { type: 'ranking', name: 'priorities', choices: ['speed', 'price', 'staff'], isRequired: true },
          ],
        },
        { type: 'dropdown', name: 'visitAgain', choices: [{ value: 1, text: 'Yes' }, { value: 0, text: 'No' }], visibleIf: "{features} contains 'price' or {nps} > 8" },
      ],
    },
  ],
}

/** CSAT after a purchase: limits and validators on text, a matrix shown for less than full marks, "other" text. */
export const csatSurvey: SurveyJson = {
  elements: [
    { type: 'rating', name: 'csat', rateMin: 1, rateMax: 5, isRequired: true },
    { type: 'dropdown', name: 'channel', choices: ['web', 'store', 'phone'] },
    { type: 'radiogroup', name: 'problem', choices: ['late', 'broken', 'wrong'], showOtherItem: true, visibleIf: '{csat} <= 3', isRequired: true },
    { type: 'text', name: 'spend', inputType: 'number', min: 0, max: 10000, validators: [{ type: 'numeric', maxValue: 5000 }] },
    { type: 'text', name: 'visitedOn', inputType: 'date', min: '2024-01-01', max: '2025-12-31', visibleIf: "{channel} = 'store'" },
    { type: 'matrix', name: 'aspects', rows: ['speed', 'price', 'staff'], columns: [1, 2, 3, 4, 5], eachRowRequired: true, visibleIf: '{csat} < 5' },
    { type: 'comment', name: 'more', validators: [{ type: 'text', minLength: 5, maxLength: 30, allowDigits: false }] },
    { type: 'text', name: 'orderRef', validators: [{ type: 'regex', regex: '^[A-Z]{2}\\d{3}$' }], requiredIf: "{problem} = 'wrong'" },
  ],
}

/** CES and membership: enableIf, a statically hidden panel, expression and answer-count validators, rateValues. */
export const cesSurvey: SurveyJson = {
  pages: [
    {
      elements: [
        { type: 'rating', name: 'ces', rateValues: [1, 2, 3, 4, 5, 6, 7], isRequired: true },
        { type: 'text', name: 'fullName', validators: [{ type: 'regex', regex: '^[a-z ]+$', caseInsensitive: true }] },
        { type: 'text', name: 'email', inputType: 'email', validators: [{ type: 'email' }] },
        { type: 'text', name: 'code', validators: [{ type: 'expression', expression: '{code} notempty or {ces} > 3' }] },
        { type: 'checkbox', name: 'benefits', choices: ['points', 'gifts', 'events', 'discounts'], validators: [{ type: 'answercount', minCount: 2, maxCount: 3 }] },
        { type: 'text', name: 'note', enableIf: '{ces} >= 4', isRequired: true },
        { type: 'panel', name: 'internal', visible: false, elements: [{ type: 'text', name: 'agentNote', isRequired: true }] },
        { type: 'boolean', name: 'member', isRequired: true },
      ],
    },
    {
      visibleIf: '{member} = true',
      elements: [
        { type: 'ranking', name: 'wishes', choices: ['a', 'b', 'c', 'd'], selectToRankEnabled: true, isRequired: true },
        { type: 'text', name: 'age', inputType: 'number', min: 18, visibleIf: '{benefits} anyof ["events", "gifts"]', validators: [{ type: 'numeric', minValue: 21 }] },
        { type: 'html', name: 'thanks', html: { default: '<p>Thank you</p>', 'zh-cn': '<p>谢谢</p>' } },
      ],
    },
  ],
}

/** Hidden answers kept (clearInvisibleValues none), a read-only page, nested panels and a survey-wide text limit. */
export const keepHiddenSurvey: SurveyJson = {
  clearInvisibleValues: 'none',
  maxTextLength: 25,
  pages: [
    {
      elements: [
        { type: 'radiogroup', name: 'topic', choices: ['billing', 'delivery', 'other'], isRequired: true },
        {
          type: 'panel', name: 'outer', visibleIf: "{topic} = 'billing'",
          elements: [
            { type: 'panel', name: 'inner', visibleIf: '{amount} > 100', elements: [{ type: 'comment', name: 'dispute', isRequired: true }] },
            { type: 'text', name: 'amount', inputType: 'number', isRequired: true },
          ],
        },
        { type: 'matrix', name: 'grid', rows: ['r1', 'r2'], columns: ['yes', 'no'], isRequired: true, visibleIf: "{topic} != 'other'" },
        { type: 'text', name: 'free', requiredIf: '{grid.r1} = "no"' },
      ],
    },
    { readOnly: true, elements: [{ type: 'text', name: 'prefilled', isRequired: true }] },
  ],
}

/** Every corpus survey, by name. */
export const corpusSurveys: Record<string, SurveyJson> = { nps: npsSurvey, csat: csatSurvey, ces: cesSurvey, keepHidden: keepHiddenSurvey }

type Arb = fc.Arbitrary<unknown>
const texts: Arb = fc.oneof(
  fc.constantFrom('', ' ', '  ', 'abc', 'Abc1', 'hello world', 'AB123', 'ab123', 'x', 'the price was fine', 'no digits here', '12345'),
  fc.string({ maxLength: 24 }),
)
const emails: Arb = fc.constantFrom('a@b.co', 'someone@example.com', 'bad', 'x@y', '', ' ', 'name@mail.cn')
const dates: Arb = fc.constantFrom('2023-12-31', '2024-01-01', '2024-06-15', '2025-12-31', '2026-01-01')

// Valid answers: the right type and offered values; they may still break rules (required, limits, validators).
function validAnswer(q: QuestionInfo, json: Record<string, unknown>): Arb {
  const choiceValues = (q.choices ?? []).map((c) => c.value)
  switch (q.type) {
    case 'rating': return fc.constantFrom(...(q.rateValues ?? []))
    case 'radiogroup':
    case 'dropdown': return fc.constantFrom(...choiceValues)
    case 'checkbox': {
      const plain = choiceValues.filter((v) => v !== 'none')
      const max = typeof json.maxSelectedChoices === 'number' ? json.maxSelectedChoices : plain.length
      return fc.oneof({ weight: 5, arbitrary: fc.shuffledSubarray(plain, { maxLength: max }) }, ...(plain.length < choiceValues.length ? [fc.constant(['none'])] : []))
    }
    case 'ranking':
      return json.selectToRankEnabled === true ? fc.shuffledSubarray(choiceValues) : fc.oneof(fc.shuffledSubarray(choiceValues, { minLength: choiceValues.length }), fc.constant([]))
    case 'boolean': return fc.boolean()
    case 'matrix': {
      const columns = (q.columns ?? []).map((c) => c.value)
      const record = Object.fromEntries((q.rows ?? []).map((r) => [String(r.value), fc.constantFrom(...columns)]))
      return fc.record(record, { requiredKeys: [], noNullPrototype: true })
    }
    case 'text':
      if (q.inputType === 'number') return fc.oneof(fc.integer({ min: -5, max: 12000 }), fc.constantFrom(0, 17, 18, 20, 21, 100, 101, 5000, 5001, 10000, 10001, 2.5))
      if (q.inputType === 'date') return dates
      if (q.inputType === 'email') return emails
      return texts
    default: return texts
  }
}

// Answers that the structural checks must refuse: survey-core would accept most of them.
function invalidAnswer(q: QuestionInfo): Arb {
  switch (q.type) {
    case 'rating': return fc.constantFrom((q.rateMax ?? 0) + 1, (q.rateMin ?? 0) - 1, 2.5, '3', true)
    case 'radiogroup':
    case 'dropdown': return fc.constantFrom('not-offered', ['a'], { v: 1 }, 99)
    case 'checkbox': return fc.constantFrom('speed', ['not-offered'], ['none', (q.choices ?? [])[0]?.value], [(q.choices ?? [])[0]?.value, (q.choices ?? [])[0]?.value])
    case 'ranking': return fc.constantFrom('a', ['zz'], [(q.choices ?? [])[0]?.value, (q.choices ?? [])[0]?.value])
    case 'boolean': return fc.constantFrom('true', 1, 'yes')
    case 'matrix': return fc.constantFrom('x', { nope: (q.columns ?? [])[0]?.value }, { [String((q.rows ?? [])[0]?.value)]: 'bad' }, [1])
    case 'text':
      if (q.inputType === 'number') return fc.constantFrom('abc', '', '7', {}, true)
      if (q.inputType === 'date') return fc.constantFrom('2024-13-01', '15/06/2024', 20240101)
      return fc.constantFrom(12, {}, ['a'], 'x'.repeat(300))
    default: return fc.constantFrom(12, {}, ['a'], 'x'.repeat(300))
  }
}

/** Responses to a survey: mostly well-formed (absent, null or valid answers), sometimes with a malformed answer or an unknown key. */
export function responsesOf(survey: SurveyJson, questions: QuestionInfo[]): fc.Arbitrary<Record<string, unknown>> {
  const jsonByName = new Map<string, Record<string, unknown>>()
  const collect = (elements: unknown) => {
    for (const el of (elements as Record<string, unknown>[] | undefined) ?? []) {
      if (typeof el.name === 'string') jsonByName.set(el.name, el)
      collect(el.elements)
    }
  }
  collect(survey.elements)
  for (const page of survey.pages ?? []) collect(page.elements)
  const entries: Record<string, fc.Arbitrary<unknown>> = {}
  for (const q of questions) {
    if (q.displayOnly) continue
    entries[q.name] = fc.oneof(
      { weight: 30, arbitrary: validAnswer(q, jsonByName.get(q.name) ?? {}) },
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: invalidAnswer(q) },
    )
    if (jsonByName.get(q.name)?.showOtherItem === true) {
      entries[`${q.name}-Comment`] = fc.constantFrom('', '', '', 'something else')
    }
  }
  const answers = fc.record(entries, { requiredKeys: [], noNullPrototype: true })
  return fc.tuple(answers, fc.oneof({ weight: 19, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('unknownQuestion', 'thanks', 'internal') }))
    .map(([a, extra]) => (extra ? { ...a, [extra]: 'x' } : a))
}
