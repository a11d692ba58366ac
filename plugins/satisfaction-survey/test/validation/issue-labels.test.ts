import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { answerIssueLabels, definitionIssueLabels } from '../../server/validation/index.js'

// Every issue code is an upper-case string literal in the validation sources (the label file aside).
const sourceDir = new URL('../../server/validation/', import.meta.url)
const codesInSources = new Set(
  readdirSync(sourceDir)
    .filter((f) => f.endsWith('.ts') && f !== 'issue-labels.ts')
    .flatMap((f) => [...readFileSync(new URL(f, sourceDir), 'utf8').matchAll(/'([A-Z][A-Z_]{3,})'/g)].map((m) => m[1] as string)),
)

describe('issue labels', () => {
  it('label every code the validator can report, and no other', () => {
    const labelled = new Set([...Object.keys(answerIssueLabels), ...Object.keys(definitionIssueLabels)])
    expect([...codesInSources].filter((c) => !labelled.has(c))).toEqual([])
    expect([...labelled].filter((c) => !codesInSources.has(c))).toEqual([])
  })

  it.each([['answer', answerIssueLabels], ['definition', definitionIssueLabels]])('give every %s code an en and a zh-CN label', (_kind, labels) => {
    for (const [code, label] of Object.entries(labels)) {
      expect(label.en, code).toMatch(/\S/)
      expect(label['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})
