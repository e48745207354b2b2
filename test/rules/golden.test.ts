import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { repositoryRoot } from '../helpers.js'
import { expectedView, formatGolden, goldenPath, readGolden, reportLines, ruleVariants, UPDATE_COMMAND, updatedGolden } from '../golden.js'

// actionlint's habit: every rule fixture variant has the report it must produce beside it
// (__fixtures__/rules/<rule-id>/<variant>/expected.txt); UPDATE_GOLDEN=1 rewrites them for review.
const update = process.env.UPDATE_GOLDEN === '1'

describe.each(ruleVariants().map((variant) => [`${variant.ruleId}/${variant.variant}`, variant] as const))('golden report of %s', (_name, variant) => {
  it('is the report in its expected.txt', async () => {
    const actual = await reportLines(variant)
    const golden = readGolden(variant)
    if (update) {
      const text = formatGolden(updatedGolden(golden ?? [], actual))
      writeFileSync(goldenPath(variant), text)
      return
    }
    if (golden === undefined) {
      throw new Error(`${path.relative(repositoryRoot, goldenPath(variant))} is missing; run \`${UPDATE_COMMAND}\` and review the file it writes`)
    }
    // One string per side: jest then shows a line diff.
    expect(formatGolden(actual)).toBe(formatGolden(expectedView(golden, actual)))
  })
})
