import { describe, expect, it } from 'vitest'
import { checkSurveyDefinition } from '../../server/validation/index.js'
import { corpusSurveys } from './corpus.js'

const one = (element: Record<string, unknown>, rest: Record<string, unknown>[] = []) => ({ elements: [element, ...rest] })
const issuesOf = (json: unknown) => {
  const r = checkSurveyDefinition(json)
  return r.ok ? [] : r.issues
}

describe('checkSurveyDefinition', () => {
  it.each(Object.entries(corpusSurveys))('accepts the corpus survey %s', (_name, survey) => {
    expect(checkSurveyDefinition(survey)).toEqual({ ok: true, survey })
  })

  it('accepts NPS, CSAT and CES scales with localized titles and choices', () => {
    const survey = {
      title: { default: 'Tell us', 'zh-cn': '告诉我们' },
      pages: [{ elements: [
        { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10, rateCount: 11, title: { en: 'Score', 'zh-cn': '评分' } },
        { type: 'rating', name: 'csat', rateMin: 1, rateMax: 5 },
        { type: 'rating', name: 'ces', rateMin: 1, rateMax: 7, minRateDescription: { en: 'Hard', 'zh-cn': '困难' } },
        { type: 'radiogroup', name: 'r', choices: [{ value: 'a', text: { en: 'A', 'zh-cn': '甲' } }, 'b|B', 3] },
        { type: 'html', html: '<b>hi</b>' },
        { type: 'expression', name: 'total', expression: '{csat} + {ces}' },
      ] }],
    }
    expect(checkSurveyDefinition(survey).ok).toBe(true)
  })

  it.each([
    ['not an object', [1], '', 'NOT_AN_OBJECT'],
    ['no pages', {}, 'elements', 'NO_PAGES'],
    ['empty pages', { pages: [] }, 'pages', 'NO_PAGES'],
    ['pages and elements', { pages: [{ elements: [{ type: 'text', name: 'a' }] }], elements: [] }, 'elements', 'PAGES_AND_ELEMENTS'],
    ['no questions', { elements: [{ type: 'html', html: 'x' }] }, '', 'NO_QUESTIONS'],
    ['a trigger', { elements: [{ type: 'text', name: 'a' }], triggers: [] }, 'triggers', 'UNSUPPORTED_PROPERTY'],
    ['clearing hidden values on hide', { elements: [{ type: 'text', name: 'a' }], clearInvisibleValues: 'onHidden' }, 'clearInvisibleValues', 'UNSUPPORTED_PROPERTY'],
    ['display mode', { elements: [{ type: 'text', name: 'a' }], mode: 'display' }, 'mode', 'UNSUPPORTED_PROPERTY'],
    ['a bad page logic', { pages: [{ visibleIf: '{a} >', elements: [{ type: 'text', name: 'a' }] }] }, 'pages[0].visibleIf', 'EXPRESSION_SYNTAX'],
  ])('refuses %s', (_what, json, path, code) => {
    expect(issuesOf(json)).toContainEqual(expect.objectContaining({ path, code }))
  })

  it('names an unknown question type, where it is and what is supported', () => {
    const issues = issuesOf({ pages: [{ elements: [{ type: 'text', name: 'a' }, { type: 'text', name: 'b' }, { type: 'signaturepad', name: 'sig' }] }] })
    expect(issues).toEqual([{
      path: 'pages[0].elements[2].type',
      code: 'UNKNOWN_QUESTION_TYPE',
      message: expect.stringMatching(/question type "signaturepad" is not supported; use one of rating, radiogroup, checkbox/),
    }])
  })

  it('finds unknown types inside panels', () => {
    expect(issuesOf(one({ type: 'panel', name: 'p', elements: [{ type: 'file', name: 'f' }] }, [{ type: 'text', name: 'a' }]))).toEqual([
      expect.objectContaining({ path: 'elements[0].elements[0].type', code: 'UNKNOWN_QUESTION_TYPE' }),
    ])
  })

  it.each([
    ['missing', { type: 'text' }, 'MISSING_NAME'],
    ['blank', { type: 'text', name: ' ' }, 'MISSING_NAME'],
    ['with a brace', { type: 'text', name: 'a{b' }, 'INVALID_NAME'],
    ['ending in -Comment', { type: 'text', name: 'x-Comment' }, 'INVALID_NAME'],
  ])('refuses a question name %s', (_what, element, code) => {
    expect(issuesOf(one(element, [{ type: 'text', name: 'ok' }]))).toEqual([expect.objectContaining({ path: 'elements[0].name', code })])
  })

  it('refuses duplicate names, ignoring case, and says where the first one is', () => {
    expect(issuesOf({ pages: [{ elements: [{ type: 'text', name: 'email' }] }, { elements: [{ type: 'comment', name: 'Email' }] }] })).toEqual([{
      path: 'pages[1].elements[0].name', code: 'DUPLICATE_NAME', message: 'pages[1].elements[0].name "Email" is already used at pages[0].elements[0].name (names are compared ignoring case)',
    }])
  })

  it.each([
    ['a syntax error', '{a} = = 1', 'EXPRESSION_SYNTAX', /does not parse/],
    ['an unknown question', "{nope} = 'x'", 'EXPRESSION_UNKNOWN_QUESTION', /refers to \{nope\}, which is not a question/],
    ['a question in another case', '{A} = 1', 'EXPRESSION_UNKNOWN_QUESTION', /case-sensitive/],
    ['an unknown function', 'nofunc({a}) > 1', 'EXPRESSION_UNKNOWN_FUNCTION', /unknown function nofunc\(\)/],
    ['an expression question', '{total} > 1', 'EXPRESSION_REFERS_TO_DISPLAY_ONLY', /computed in the browser/],
    ['an empty string', '', 'EXPRESSION_INVALID', /non-empty expression/],
  ])('refuses visibleIf with %s', (_what, visibleIf, code, message) => {
    const json = one({ type: 'text', name: 'a' }, [{ type: 'expression', name: 'total', expression: '{a}' }, { type: 'text', name: 'b', visibleIf }])
    expect(issuesOf(json)).toEqual([{ path: 'elements[2].visibleIf', code, message: expect.stringMatching(message) }])
  })

  it('checks requiredIf, enableIf, panel logic and expression validators too', () => {
    const json = one({ type: 'text', name: 'a', requiredIf: '{x} = 1', enableIf: '{y} = 1', validators: [{ type: 'expression', expression: '{z} = 1' }] }, [
      { type: 'panel', name: 'p', visibleIf: '{w} = 1', elements: [{ type: 'text', name: 'b' }] },
    ])
    expect(issuesOf(json).map((i) => i.path).sort()).toEqual(['elements[0].enableIf', 'elements[0].requiredIf', 'elements[0].validators[0].expression', 'elements[1].visibleIf'])
  })

  it('lets expressions read matrix rows and the other text', () => {
    const json = one({ type: 'matrix', name: 'm', rows: ['r'], columns: ['c'] }, [
      { type: 'radiogroup', name: 'r', choices: ['a'], showOtherItem: true },
      { type: 'text', name: 't', visibleIf: "{m.r} = 'c' and {r-Comment} notempty" },
    ])
    expect(checkSurveyDefinition(json).ok).toBe(true)
  })

  it.each([
    ['min above max', { rateMin: 5, rateMax: 1 }, 'RATING_RANGE_INVALID', /rateMin 5 must be below rateMax 1/],
    ['a fractional bound', { rateMin: 0.5, rateMax: 5 }, 'RATING_RANGE_INVALID', /integers/],
    ['a step that does not divide', { rateMin: 1, rateMax: 6, rateStep: 2 }, 'RATING_RANGE_INVALID', /does not divide/],
    ['a zero step', { rateStep: 0 }, 'RATING_RANGE_INVALID', /positive/],
    ['too many values', { rateMin: 0, rateMax: 100 }, 'RATING_RANGE_TOO_WIDE', /101 values; at most 20/],
    ['a count that disagrees', { rateMin: 0, rateMax: 10, rateCount: 10 }, 'RATING_COUNT_MISMATCH', /rateCount 10 disagrees with the 11 values/],
    ['text rate values', { rateValues: ['a', 'b'] }, 'RATING_RANGE_INVALID', /integers/],
  ])('refuses a rating with %s', (_what, props, code, message) => {
    expect(issuesOf(one({ type: 'rating', name: 'r', ...props }))).toEqual([expect.objectContaining({ code, message: expect.stringMatching(message) })])
  })

  it.each([
    ['no choices', { type: 'radiogroup', name: 'q' }, 'elements[0].choices', 'CHOICES_MISSING'],
    ['empty choices', { type: 'checkbox', name: 'q', choices: [] }, 'elements[0].choices', 'CHOICES_MISSING'],
    ['a malformed choice', { type: 'dropdown', name: 'q', choices: ['a', { value: 'b', visibleIf: '{x}' }] }, 'elements[0].choices[1]', 'ITEM_INVALID'],
    ['a repeated choice', { type: 'ranking', name: 'q', choices: ['a', 'b', 'a'] }, 'elements[0].choices[2]', 'DUPLICATE_ITEM'],
    ['a choice taken by the other item', { type: 'radiogroup', name: 'q', choices: ['other'], showOtherItem: true }, 'elements[0].choices', 'CHOICE_RESERVED'],
    ['min above max selected', { type: 'checkbox', name: 'q', choices: ['a'], minSelectedChoices: 3, maxSelectedChoices: 2 }, 'elements[0].minSelectedChoices', 'SELECTED_CHOICES_INVALID'],
    ['no rows', { type: 'matrix', name: 'q', columns: ['c'] }, 'elements[0].rows', 'ROWS_MISSING'],
    ['no columns', { type: 'matrix', name: 'q', rows: ['r'] }, 'elements[0].columns', 'COLUMNS_MISSING'],
    ['an unsupported input type', { type: 'text', name: 'q', inputType: 'color' }, 'elements[0].inputType', 'UNSUPPORTED_INPUT_TYPE'],
    ['a date limit that is not a date', { type: 'text', name: 'q', inputType: 'date', min: '01/02/2024' }, 'elements[0].min', 'LIMIT_INVALID'],
    ['a number limit on plain text', { type: 'text', name: 'q', max: 5 }, 'elements[0].max', 'LIMIT_INVALID'],
    ['a bad maxLength', { type: 'comment', name: 'q', maxLength: 'long' }, 'elements[0].maxLength', 'MAX_LENGTH_INVALID'],
    ['an unknown validator', { type: 'text', name: 'q', validators: [{ type: 'phone' }] }, 'elements[0].validators[0].type', 'UNKNOWN_VALIDATOR'],
    ['a regex that does not compile', { type: 'text', name: 'q', validators: [{ type: 'regex', regex: '(' }] }, 'elements[0].validators[0].regex', 'REGEX_INVALID'],
    ['a numeric validator with a text bound', { type: 'text', name: 'q', validators: [{ type: 'numeric', minValue: 'one' }] }, 'elements[0].validators[0].minValue', 'VALIDATOR_INVALID'],
    ['a flag that is not boolean', { type: 'text', name: 'q', isRequired: 'yes' }, 'elements[0].isRequired', 'NOT_A_BOOLEAN'],
    ['a title that is not text', { type: 'text', name: 'q', title: { en: 3 } }, 'elements[0].title', 'TEXT_INVALID'],
    ['a default value', { type: 'text', name: 'q', defaultValue: 'x' }, 'elements[0].defaultValue', 'UNSUPPORTED_PROPERTY'],
    ['conditional choices', { type: 'radiogroup', name: 'q', choices: ['a'], choicesVisibleIf: '{item} = 1' }, 'elements[0].choicesVisibleIf', 'UNSUPPORTED_PROPERTY'],
    ['a required panel', { type: 'panel', name: 'p', isRequired: true, elements: [{ type: 'text', name: 'q' }] }, 'elements[0].isRequired', 'UNSUPPORTED_PROPERTY'],
    ['other on a ranking', { type: 'ranking', name: 'q', choices: ['a', 'b'], showOtherItem: true }, 'elements[0].showOtherItem', 'UNSUPPORTED_PROPERTY'],
  ])('refuses %s', (_what, element, path, code) => {
    expect(issuesOf(one(element))).toContainEqual(expect.objectContaining({ path, code }))
  })

  it('reports every issue at once', () => {
    const issues = issuesOf({ elements: [{ type: 'foo', name: 'a' }, { type: 'text', name: 'b', visibleIf: '{zz} = 1' }, { type: 'text', name: 'B' }, { type: 'rating', name: 'r', rateMin: 5, rateMax: 1 }] })
    expect(issues.map((i) => i.code).sort()).toEqual(['DUPLICATE_NAME', 'EXPRESSION_UNKNOWN_QUESTION', 'RATING_RANGE_INVALID', 'UNKNOWN_QUESTION_TYPE'])
  })
})
