/**
 * @module
 * Labels for every issue code, in en and zh-CN, for the admin builder (definition issues) and the
 * customer's survey page (answer issues). Issue messages are English for developers and logs;
 * pages show these labels by code.
 */

/** A label in each supported locale. */
export type IssueLabel = { en: string; 'zh-CN': string }

/** Labels of the codes `compileSurvey(...).validate` reports (structural and rules). */
export const answerIssueLabels: Record<string, IssueLabel> = {
  NOT_AN_OBJECT: { en: 'The answers are not in the expected form.', 'zh-CN': '答案格式不正确。' },
  UNKNOWN_QUESTION: { en: 'This question is not part of the survey.', 'zh-CN': '问卷中没有这道题。' },
  WRONG_TYPE: { en: 'This answer has the wrong type.', 'zh-CN': '答案类型不正确。' },
  CHOICE_NOT_OFFERED: { en: 'This choice is not offered.', 'zh-CN': '没有这个选项。' },
  DUPLICATE_CHOICE: { en: 'A choice is selected more than once.', 'zh-CN': '同一选项被重复选择。' },
  NONE_NOT_EXCLUSIVE: { en: '"None" cannot be combined with other choices.', 'zh-CN': '“以上都不是”不能与其他选项同时选择。' },
  TOO_MANY_CHOICES: { en: 'Too many choices are selected.', 'zh-CN': '选择的选项过多。' },
  RATING_NOT_INTEGER: { en: 'The rating must be a whole number.', 'zh-CN': '评分必须是整数。' },
  RATING_OUT_OF_RANGE: { en: 'The rating is outside the scale.', 'zh-CN': '评分超出范围。' },
  MATRIX_UNKNOWN_ROW: { en: 'This row is not part of the question.', 'zh-CN': '题目中没有这一行。' },
  MATRIX_BAD_CELL: { en: 'This answer is not one of the columns.', 'zh-CN': '该答案不在可选列中。' },
  INVALID_DATE: { en: 'Please enter a valid date.', 'zh-CN': '请输入有效的日期。' },
  OTHER_TEXT_WITHOUT_OTHER: { en: 'Text for "Other" was sent without choosing "Other".', 'zh-CN': '未选择“其他”却填写了其他说明。' },
  REQUIRED: { en: 'Please answer this question.', 'zh-CN': '请回答此题。' },
  OTHER_TEXT_REQUIRED: { en: 'Please describe your "Other" answer.', 'zh-CN': '请填写“其他”的具体内容。' },
  MIN_SELECTED_CHOICES: { en: 'Please select more choices.', 'zh-CN': '请选择更多选项。' },
  EACH_ROW_REQUIRED: { en: 'Please answer every row.', 'zh-CN': '请回答每一行。' },
  VALUE_BELOW_MIN: { en: 'The value is below the minimum.', 'zh-CN': '数值低于最小值。' },
  VALUE_ABOVE_MAX: { en: 'The value is above the maximum.', 'zh-CN': '数值超过最大值。' },
  INVALID_EMAIL: { en: 'Please enter a valid e-mail address.', 'zh-CN': '请输入有效的电子邮箱地址。' },
  NOT_NUMERIC: { en: 'Please enter a number.', 'zh-CN': '请输入数字。' },
  NUMBER_OUT_OF_RANGE: { en: 'The number is out of range.', 'zh-CN': '数字超出允许范围。' },
  DIGITS_NOT_ALLOWED: { en: 'Digits are not allowed here.', 'zh-CN': '此处不能输入数字。' },
  TEXT_TOO_SHORT: { en: 'The text is too short.', 'zh-CN': '文字太短。' },
  TEXT_TOO_LONG: { en: 'The text is too long.', 'zh-CN': '文字太长。' },
  PATTERN_MISMATCH: { en: 'The answer is not in the expected format.', 'zh-CN': '答案格式不符合要求。' },
  EXPRESSION_FAILED: { en: 'The answer does not meet the conditions of this question.', 'zh-CN': '答案不满足此题的条件。' },
  TOO_FEW_ANSWERS: { en: 'Please select more choices.', 'zh-CN': '请选择更多选项。' },
  TOO_MANY_ANSWERS: { en: 'Please select fewer choices.', 'zh-CN': '请减少选择的选项。' },
}

/** Labels of the codes `checkSurveyDefinition` reports. */
export const definitionIssueLabels: Record<string, IssueLabel> = {
  NOT_AN_OBJECT: { en: 'A survey must be a JSON object.', 'zh-CN': '问卷必须是 JSON 对象。' },
  NO_PAGES: { en: 'The survey has no pages.', 'zh-CN': '问卷没有页面。' },
  PAGES_AND_ELEMENTS: { en: 'Use either pages or top-level elements, not both.', 'zh-CN': '只能使用 pages 或顶层 elements 之一。' },
  PAGE_INVALID: { en: 'This page is malformed.', 'zh-CN': '页面格式不正确。' },
  ELEMENTS_MISSING: { en: 'This page or panel needs a list of elements.', 'zh-CN': '页面或面板缺少元素列表。' },
  NO_QUESTIONS: { en: 'The survey has no question to answer.', 'zh-CN': '问卷中没有可作答的题目。' },
  MISSING_TYPE: { en: 'This element has no type.', 'zh-CN': '元素缺少类型。' },
  UNKNOWN_QUESTION_TYPE: { en: 'This question type is not supported.', 'zh-CN': '不支持此题型。' },
  MISSING_NAME: { en: 'This question needs a name.', 'zh-CN': '题目需要名称。' },
  INVALID_NAME: { en: 'This question name contains characters that are not allowed.', 'zh-CN': '题目名称含有不允许的字符。' },
  DUPLICATE_NAME: { en: 'Another question already has this name.', 'zh-CN': '已有题目使用此名称。' },
  UNSUPPORTED_PROPERTY: { en: 'This setting is not supported.', 'zh-CN': '不支持此设置。' },
  UNSUPPORTED_INPUT_TYPE: { en: 'This input type is not supported.', 'zh-CN': '不支持此输入类型。' },
  NOT_A_BOOLEAN: { en: 'This setting must be on or off.', 'zh-CN': '此设置只能为开或关。' },
  TEXT_INVALID: { en: 'This text must be a string or a translation per language.', 'zh-CN': '文字必须是字符串或按语言提供的翻译。' },
  EXPRESSION_INVALID: { en: 'The condition is empty.', 'zh-CN': '条件为空。' },
  EXPRESSION_SYNTAX: { en: 'The condition cannot be read.', 'zh-CN': '条件无法解析。' },
  EXPRESSION_UNKNOWN_FUNCTION: { en: 'The condition calls an unknown function.', 'zh-CN': '条件调用了未知函数。' },
  EXPRESSION_ASYNC_FUNCTION: { en: 'The condition calls a function the server cannot run.', 'zh-CN': '条件调用了服务器无法执行的函数。' },
  EXPRESSION_UNKNOWN_QUESTION: { en: 'The condition refers to a question that does not exist.', 'zh-CN': '条件引用了不存在的题目。' },
  EXPRESSION_REFERS_TO_DISPLAY_ONLY: { en: 'The condition refers to a computed value, which cannot be checked.', 'zh-CN': '条件引用了计算值，无法校验。' },
  RATING_RANGE_INVALID: { en: 'The rating scale is not valid.', 'zh-CN': '评分范围无效。' },
  RATING_RANGE_TOO_WIDE: { en: 'The rating scale has too many values.', 'zh-CN': '评分范围的取值过多。' },
  RATING_COUNT_MISMATCH: { en: 'The number of rating values does not match the scale.', 'zh-CN': '评分数量与范围不一致。' },
  CHOICES_MISSING: { en: 'This question needs choices.', 'zh-CN': '此题需要选项。' },
  ROWS_MISSING: { en: 'This matrix needs rows.', 'zh-CN': '矩阵题需要行。' },
  COLUMNS_MISSING: { en: 'This matrix needs columns.', 'zh-CN': '矩阵题需要列。' },
  ITEM_INVALID: { en: 'This choice is malformed.', 'zh-CN': '选项格式不正确。' },
  DUPLICATE_ITEM: { en: 'Two choices have the same value.', 'zh-CN': '有两个选项的值相同。' },
  CHOICE_RESERVED: { en: 'This choice value is reserved for the "Other" or "None" item.', 'zh-CN': '此选项值已被“其他”或“以上都不是”占用。' },
  SELECTED_CHOICES_INVALID: { en: 'The minimum and maximum number of choices are not valid.', 'zh-CN': '最少和最多选择数无效。' },
  MAX_LENGTH_INVALID: { en: 'The maximum length is not valid.', 'zh-CN': '最大长度无效。' },
  LIMIT_INVALID: { en: 'The minimum or maximum is not valid.', 'zh-CN': '最小值或最大值无效。' },
  UNKNOWN_VALIDATOR: { en: 'This validator is not supported.', 'zh-CN': '不支持此校验规则。' },
  VALIDATOR_INVALID: { en: 'This validator is not set up correctly.', 'zh-CN': '校验规则设置不正确。' },
  REGEX_INVALID: { en: 'The pattern is not a valid regular expression.', 'zh-CN': '正则表达式无效。' },
}
