import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { repositoryRoot } from '../helpers.js'
import {
  expectedView,
  formatGolden,
  goldenPath,
  readGolden,
  reportLines,
  ruleIdOf,
  ruleVariants,
  UPDATE_COMMAND,
  updatedGolden,
} from '../golden.js'

// actionlint's habit: every rule fixture variant has the report it must produce beside it
// (__fixtures__/rules/<rule-id>/<variant>/expected.txt); UPDATE_GOLDEN=1 rewrites them for review.
const update = process.env.UPDATE_GOLDEN === '1'

describe.each(ruleVariants().map((variant) => [`${variant.ruleId}/${variant.variant}`, variant] as const))(
  'golden report of %s',
  (_name, variant) => {
    it('is the report in its expected.txt', async () => {
      const actual = await reportLines(variant)
      const golden = readGolden(variant)
      if (update) {
        const text = formatGolden(updatedGolden(golden ?? [], actual))
        writeFileSync(goldenPath(variant), text)
        return
      }
      if (golden === undefined) {
        throw new Error(
          `${path.relative(repositoryRoot, goldenPath(variant))} is missing; run \`${UPDATE_COMMAND}\` and review the file it writes`,
        )
      }
      // One string per side: jest then shows a line diff.
      expect(formatGolden(actual)).toBe(formatGolden(expectedView(golden, actual)))
    })
  },
)

describe('golden files', () => {
  const reported = ['a.yaml:1:1: error: took 12 ms [some-rule]', 'b.yaml:2:1: note: fixed [other-rule]']

  it('compare a /regex/ line with the whole reported line at its place', () => {
    expect(
      expectedView(
        ['/a\\.yaml:1:1: error: took \\d+ ms \\[some-rule\\]/', 'b.yaml:2:1: note: fixed [other-rule]'],
        reported,
      ),
    ).toEqual(reported)
    expect(expectedView(['/took \\d+ ms/', 'b.yaml:2:1: note: fixed [other-rule]'], reported)[0]).toBe('/took \\d+ ms/')
    expect(['/a\\.yaml:.* \\[some-rule\\]/', reported[1]!].map(ruleIdOf)).toEqual(['some-rule', 'other-rule'])
  })

  it('keep their /regex/ lines that still match when rewritten, and end with a newline', () => {
    const golden = ['/a\\.yaml:1:1: error: took \\d+ ms \\[some-rule\\]/', 'b.yaml:2:1: note: old [other-rule]']
    expect(formatGolden(updatedGolden(golden, reported))).toBe(`${golden[0]}\n${reported[1]}\n`)
    expect(formatGolden([])).toBe('')
  })
})
