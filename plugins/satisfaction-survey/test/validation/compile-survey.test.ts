import { describe, expect, it } from 'vitest'
import { type SurveyJson, compileSurvey } from '../../server/validation/index.js'

const survey: SurveyJson = {
  maxTextLength: 50,
  pages: [
    {
      elements: [
        { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10, isRequired: true },
        { type: 'comment', name: 'whyLow', visibleIf: '{nps} <= 6', isRequired: true, maxLength: 10 },
        { type: 'radiogroup', name: 'channel', choices: ['web', 'store', 1], showOtherItem: true },
        { type: 'dropdown', name: 'again', choices: ['yes', 'no'], showNoneItem: true },
        { type: 'checkbox', name: 'likes', choices: ['a', 'b', 'c', 'd'], showNoneItem: true, showOtherItem: true, minSelectedChoices: 2, maxSelectedChoices: 3 },
        { type: 'ranking', name: 'order', choices: ['x', 'y', 'z'] },
        { type: 'ranking', name: 'pick', choices: ['x', 'y', 'z'], selectToRankEnabled: true },
        { type: 'boolean', name: 'member' },
        { type: 'matrix', name: 'grid', rows: ['r1', 'r2'], columns: [1, 2, 3], eachRowRequired: true },
        { type: 'text', name: 'spend', inputType: 'number', min: 0, max: 100 },
        { type: 'text', name: 'visited', inputType: 'date', min: '2024-01-01' },
        { type: 'text', name: 'mail', inputType: 'email' },
        { type: 'text', name: 'plain' },
        { type: 'expression', name: 'total', expression: '{nps} * 2' },
        { type: 'html', name: 'note', html: 'hi' },
      ],
    },
    {
      visibleIf: '{member} = true',
      elements: [
        { type: 'panel', name: 'p', visibleIf: "{again} = 'yes'", elements: [{ type: 'text', name: 'inPanel', isRequired: true }] },
        { type: 'text', name: 'code', requiredIf: '{spend} > 50', validators: [{ type: 'regex', regex: '^[A-Z]+$' }, { type: 'text', minLength: 3 }] },
        { type: 'text', name: 'locked', enableIf: '{nps} > 8', isRequired: true },
      ],
    },
  ],
}
const compiled = compileSurvey(survey)
const codes = (issues: { question: string; code: string }[]) => issues.map((i) => `${i.question}:${i.code}`)

describe('compileSurvey', () => {
  it('lists the questions that take answers, with their scales and choices', () => {
    const byName = Object.fromEntries(compiled.questions.map((q) => [q.name, q]))
    expect(compiled.questions.map((q) => q.name)).not.toContain('note')
    expect(byName.nps).toMatchObject({ type: 'rating', rateMin: 0, rateMax: 10, rateValues: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })
    expect(byName.likes?.choices?.map((c) => c.value)).toEqual(['a', 'b', 'c', 'd', 'other', 'none'])
    expect(byName.grid).toMatchObject({ rows: [{ value: 'r1', text: 'r1' }, { value: 'r2', text: 'r2' }], columns: [{ value: 1, text: '1' }, { value: 2, text: '2' }, { value: 3, text: '3' }] })
    expect(byName.total?.displayOnly).toBe(true)
  })

  it('refuses to compile a survey that fails checkSurveyDefinition', () => {
    expect(() => compileSurvey({ elements: [{ type: 'file', name: 'f' }] })).toThrow(/question type "file" is not supported/)
  })

  it('accepts a complete, valid response as sent', () => {
    const answers = { nps: 9, channel: 'other', 'channel-Comment': 'phone', likes: ['a', 'b'], order: ['z', 'x', 'y'], member: false, grid: { r1: 1, r2: 3 }, spend: 10, total: 18 }
    expect(compiled.validate(answers)).toEqual({ structural: [], rules: [], accepted: answers })
  })

  it.each([
    ['an unknown question', { nps: 9, nope: 1 }, 'nope:UNKNOWN_QUESTION'],
    ['an answer to an html element', { nps: 9, note: 'x' }, 'note:UNKNOWN_QUESTION'],
    ['a rating above the scale', { nps: 11 }, 'nps:RATING_OUT_OF_RANGE'],
    ['a rating below the scale', { nps: -1 }, 'nps:RATING_OUT_OF_RANGE'],
    ['a fractional rating', { nps: 5.5 }, 'nps:RATING_NOT_INTEGER'],
    ['a rating as a string', { nps: '7' }, 'nps:WRONG_TYPE'],
    ['a rating as a boolean', { nps: true }, 'nps:WRONG_TYPE'],
    ['a choice not offered', { nps: 9, channel: 'fax' }, 'channel:CHOICE_NOT_OFFERED'],
    ['a numeric choice sent as a string', { nps: 9, channel: '1' }, 'channel:CHOICE_NOT_OFFERED'],
    ['the none item where it is not shown', { nps: 9, channel: 'none' }, 'channel:CHOICE_NOT_OFFERED'],
    ['a checkbox answer that is not a list', { nps: 9, likes: 'a' }, 'likes:WRONG_TYPE'],
    ['a checkbox choice not offered', { nps: 9, likes: ['a', 'zz'] }, 'likes:CHOICE_NOT_OFFERED'],
    ['a choice selected twice', { nps: 9, likes: ['a', 'a'] }, 'likes:DUPLICATE_CHOICE'],
    ['none with other choices', { nps: 9, likes: ['none', 'a'] }, 'likes:NONE_NOT_EXCLUSIVE'],
    ['a ranking with a repeat', { nps: 9, order: ['x', 'x', 'y'] }, 'order:DUPLICATE_CHOICE'],
    ['a ranking of unknown items', { nps: 9, pick: ['q'] }, 'pick:CHOICE_NOT_OFFERED'],
    ['a boolean as a string', { nps: 9, member: 'true' }, 'member:WRONG_TYPE'],
    ['a matrix that is a list', { nps: 9, grid: [1] }, 'grid:WRONG_TYPE'],
    ['a matrix row not offered', { nps: 9, grid: { r9: 1 } }, 'grid:MATRIX_UNKNOWN_ROW'],
    ['a matrix cell not offered', { nps: 9, grid: { r1: 4 } }, 'grid:MATRIX_BAD_CELL'],
    ['a matrix cell as a list', { nps: 9, grid: { r1: [1] } }, 'grid:MATRIX_BAD_CELL'],
    ['a number as text', { nps: 9, spend: 'abc' }, 'spend:WRONG_TYPE'],
    ['an empty string for a number', { nps: 9, spend: '' }, 'spend:WRONG_TYPE'],
    ['an object for a number', { nps: 9, spend: {} }, 'spend:WRONG_TYPE'],
    ['an impossible date', { nps: 9, visited: '2024-02-30' }, 'visited:INVALID_DATE'],
    ['a date as a number', { nps: 9, visited: 20240101 }, 'visited:WRONG_TYPE'],
    ['text as a number', { nps: 9, plain: 12 }, 'plain:WRONG_TYPE'],
    ['other text without other', { nps: 9, channel: 'web', 'channel-Comment': 'x' }, 'channel:OTHER_TEXT_WITHOUT_OTHER'],
    ['other text that is not text', { nps: 9, channel: 'other', 'channel-Comment': 5 }, 'channel:WRONG_TYPE'],
    ['an expression value that is an object', { nps: 9, total: { a: 1 } }, 'total:WRONG_TYPE'],
  ])('refuses %s as structural', (_what, answers, issue) => {
    const result = compiled.validate(answers)
    expect(codes(result.structural)).toEqual([issue])
    expect(result.structural[0]?.message).toMatch(new RegExp(result.structural[0]?.question ?? ''))
    expect(result.rules).toEqual([])
    expect(result.accepted).toEqual({})
  })

  it('accepts a ranking of some of its choices as sent, and a limit broken while read-only is still a rule', () => {
    const answers = { nps: 9, order: ['y'], pick: ['z', 'x'] }
    expect(compiled.validate(answers)).toEqual({ structural: [], rules: [], accepted: answers })
    const locked = compileSurvey({ elements: [{ type: 'comment', name: 'c', readOnly: true, maxLength: 2 }] })
    expect(codes(locked.validate({ c: 'abc' }).rules)).toEqual(['c:TEXT_TOO_LONG'])
    expect(codes(compiled.validate({ likes: ['a', 'b', 'c', 'd'] }, { partial: true }).rules)).toEqual(['likes:TOO_MANY_CHOICES'])
    const required = compileSurvey({ elements: [{ type: 'ranking', name: 'r', choices: ['x', 'y'], isRequired: true }] })
    expect(codes(required.validate({ r: [] }).rules)).toEqual(['r:REQUIRED'])
    expect(required.validate({ r: ['y'] }).rules).toEqual([])
  })

  it('refuses a __proto__ key as an unknown question', () => {
    expect(codes(compiled.validate(JSON.parse('{"nps":9,"__proto__":{"x":1}}')).structural)).toEqual(['__proto__:UNKNOWN_QUESTION'])
  })

  it('names every structural problem at once', () => {
    expect(codes(compiled.validate({ nps: 12, likes: 'a', zz: 1 }).structural)).toEqual(['nps:RATING_OUT_OF_RANGE', 'likes:WRONG_TYPE', 'zz:UNKNOWN_QUESTION'])
  })

  it('refuses answers that are not an object', () => {
    expect(codes(compiled.validate([] as never).structural)).toEqual([':NOT_AN_OBJECT'])
  })

  it('treats null as no answer', () => {
    expect(codes(compiled.validate({ nps: null }).rules)).toEqual(['nps:REQUIRED'])
  })

  it.each([
    ['a required rating left empty', {}, ['nps:REQUIRED']],
    ['a required question shown by logic', { nps: 3 }, ['whyLow:REQUIRED']],
    ['whitespace for a required question', { nps: 3, whyLow: '   ' }, ['whyLow:REQUIRED']],
    ['other without its text', { nps: 9, channel: 'other' }, ['channel:OTHER_TEXT_REQUIRED']],
    ['other in a checkbox without its text', { nps: 9, likes: ['a', 'other'] }, ['likes:OTHER_TEXT_REQUIRED']],
    ['fewer choices than the minimum', { nps: 9, likes: ['a'] }, ['likes:MIN_SELECTED_CHOICES']],
    ['a started matrix with a row missing', { nps: 9, grid: { r1: 2 } }, ['grid:EACH_ROW_REQUIRED']],
    ['a number below min', { nps: 9, spend: -1 }, ['spend:VALUE_BELOW_MIN']],
    ['a number above max', { nps: 9, spend: 101 }, ['spend:VALUE_ABOVE_MAX']],
    ['a date before min', { nps: 9, visited: '2023-12-31' }, ['visited:VALUE_BELOW_MIN']],
    ['an e-mail input that is not an address', { nps: 9, mail: 'nope' }, ['mail:INVALID_EMAIL']],
    ['too many choices (maxSelectedChoices)', { nps: 9, likes: ['a', 'b', 'c', 'd'] }, ['likes:TOO_MANY_CHOICES']],
    ['text over the question maxLength', { nps: 3, whyLow: 'x'.repeat(11) }, ['whyLow:TEXT_TOO_LONG']],
    ['text over the survey maxTextLength', { nps: 9, plain: 'x'.repeat(51) }, ['plain:TEXT_TOO_LONG']],
    ['other text over the survey maxTextLength', { nps: 9, channel: 'other', 'channel-Comment': 'x'.repeat(51) }, ['channel:TEXT_TOO_LONG']],
    ['a required panel question on a shown page', { nps: 9, member: true, again: 'yes' }, ['inPanel:REQUIRED', 'locked:REQUIRED']],
    ['requiredIf true', { nps: 1, whyLow: 'x', member: true, spend: 60 }, ['code:REQUIRED']],
    ['validators failing, each named', { nps: 1, whyLow: 'x', member: true, code: 'ab' }, ['code:PATTERN_MISMATCH', 'code:TEXT_TOO_SHORT']],
  ])('reports %s as a rule', (_what, answers, expected) => {
    const result = compiled.validate(answers)
    expect(result.structural).toEqual([])
    expect(codes(result.rules)).toEqual(expected)
  })

  it('skips what survey-core skips: optional empty checkbox and matrix, hidden and read-only questions', () => {
    expect(compiled.validate({ nps: 9, likes: [], grid: {} }).rules).toEqual([])
    expect(compiled.validate({ nps: 9, likes: ['none'] }).rules).toEqual([])
    // locked is required but disabled by enableIf ({nps} > 8 is false): survey-core does not validate it.
    expect(compiled.validate({ nps: 1, whyLow: 'x', member: true }).rules).toEqual([])
  })

  it('skips required checks on a partial response, and only those', () => {
    expect(compiled.validate({}, { partial: true }).rules).toEqual([])
    expect(codes(compiled.validate({ likes: ['a'] }, { partial: true }).rules)).toEqual(['likes:MIN_SELECTED_CHOICES'])
    expect(codes(compiled.validate({ nps: 20 }, { partial: true }).structural)).toEqual(['nps:RATING_OUT_OF_RANGE'])
  })

  it('drops answers to questions hidden by question, panel and page logic, with their other text', () => {
    const answers = { nps: 9, whyLow: 'bad', member: false, inPanel: 'x', code: 'ABC', channel: 'other', 'channel-Comment': 'fax' }
    const result = compiled.validate(answers)
    expect(result.rules).toEqual([])
    expect(result.accepted).toEqual({ nps: 9, member: false, channel: 'other', 'channel-Comment': 'fax' })
    // Same answers with the page shown but the panel hidden.
    expect(compiled.validate({ ...answers, member: true, again: 'no' }).accepted).toEqual({ nps: 9, member: true, again: 'no', code: 'ABC', channel: 'other', 'channel-Comment': 'fax' })
  })

  it('keeps hidden answers when the survey says clearInvisibleValues: none', () => {
    const keep = compileSurvey({ clearInvisibleValues: 'none', elements: [{ type: 'text', name: 'a' }, { type: 'text', name: 'b', visibleIf: "{a} = 'x'", isRequired: true }] })
    expect(keep.validate({ a: 'y', b: 'kept' })).toEqual({ structural: [], rules: [], accepted: { a: 'y', b: 'kept' } })
  })

  it('never evaluates logic on values of the wrong type ("" and true would satisfy {nps} <= 6 in survey-core)', () => {
    for (const nps of ['', true]) {
      const result = compiled.validate({ nps, whyLow: 'x' })
      expect(codes(result.structural)).toEqual(['nps:WRONG_TYPE'])
      expect(result.rules).toEqual([])
    }
  })

  it('uses the custom error texts of the survey', () => {
    const custom = compileSurvey({ elements: [
      { type: 'text', name: 'a', isRequired: true, requiredErrorText: { default: 'Please answer', 'zh-cn': '请回答' } },
      { type: 'text', name: 'b', validators: [{ type: 'numeric', maxValue: 3, text: 'Too big' }] },
    ] })
    expect(custom.validate({ b: '5' }).rules).toEqual([
      { question: 'a', code: 'REQUIRED', message: 'Please answer' },
      { question: 'b', code: 'NUMBER_OUT_OF_RANGE', message: 'Too big' },
    ])
  })

  it.each([
    // The last column: the verdict on '  '. survey-core's validators treat blank text as empty,
    // except the e-mail validator, which only skips falsy values.
    ['numeric: not a number', { type: 'numeric' }, 'abc', 'NOT_NUMERIC', []],
    ['numeric: below minValue', { type: 'numeric', minValue: 5 }, '4', 'NUMBER_OUT_OF_RANGE', []],
    ['text: digits at the end', { type: 'text', allowDigits: false }, 'abc1', 'DIGITS_NOT_ALLOWED', []],
    ['text: too long', { type: 'text', maxLength: 3 }, 'abcd', 'TEXT_TOO_LONG', []],
    ['regex: case-insensitive mismatch', { type: 'regex', regex: '^a+$', caseInsensitive: true }, 'AAB', 'PATTERN_MISMATCH', []],
    ['email', { type: 'email' }, 'x@y', 'INVALID_EMAIL', ['v:INVALID_EMAIL']],
    ['expression', { type: 'expression', expression: "{v} != 'bad'" }, 'bad', 'EXPRESSION_FAILED', []],
  ])('validator %s', (_what, validator, value, code, onBlank) => {
    const one = compileSurvey({ elements: [{ type: 'text', name: 'v', validators: [validator] }] })
    expect(codes(one.validate({ v: value }).rules)).toEqual([`v:${code}`])
    expect(codes(one.validate({ v: '  ' }).rules)).toEqual(onBlank)
  })

  it('validator answercount counts selected choices', () => {
    const one = compileSurvey({ elements: [{ type: 'checkbox', name: 'c', choices: ['a', 'b', 'c'], validators: [{ type: 'answercount', minCount: 2, maxCount: 2 }] }] })
    expect(codes(one.validate({ c: ['a'] }).rules)).toEqual(['c:TOO_FEW_ANSWERS'])
    expect(codes(one.validate({ c: ['a', 'b', 'c'] }).rules)).toEqual(['c:TOO_MANY_ANSWERS'])
    expect(one.validate({ c: ['a', 'b'] }).rules).toEqual([])
    expect(one.validate({ c: [] }).rules).toEqual([])
  })

  it('runs an expression validator even on an empty question, as survey-core does', () => {
    const one = compileSurvey({ elements: [{ type: 'text', name: 'a' }, { type: 'text', name: 'b', validators: [{ type: 'expression', expression: "{a} = 'ok'" }] }] })
    expect(codes(one.validate({}).rules)).toEqual(['b:EXPRESSION_FAILED'])
    expect(one.validate({ a: 'ok' }).rules).toEqual([])
  })
})
