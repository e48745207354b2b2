import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { allRules } from '../../src/rules/index.js'
import { liveRules } from '../../src/rules/live-rules.js'
import { repositoryRoot } from '../helpers.js'
import { blockDirectories, renderPage, runExample, unCheckedFindingLines } from './docs-examples.js'

const ruleIds = [...allRules, ...liveRules].map((rule) => rule.meta.id)
const docsDirectory = path.join(repositoryRoot, 'docs')
const pages = [
  'README.md',
  ...readdirSync(docsDirectory)
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  ...ruleIds.map((id) => `docs/rules/${id}.md`),
]

/** The page's rule, for docs/rules/<id>.md. */
function ruleOf(page: string): string | undefined {
  return /^docs\/rules\/([a-z0-9-]+)\.md$/.exec(page)?.[1]
}

/** The text under a `## heading`, up to the next `## `. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`)
  if (start < 0) return ''
  const end = text.indexOf('\n## ', start + heading.length + 2)
  return text.slice(start, end < 0 ? undefined : end)
}

describe.each(pages)('%s', (page) => {
  const absolute = path.join(repositoryRoot, page)

  it('shows the examples as `npm run docs` renders them from their fixtures', async () => {
    const text = readFileSync(absolute, 'utf8')
    const expected = await renderPage(text, ruleOf(page))
    if (process.env.UPDATE_DOCS === '1') writeFileSync(absolute, expected)
    else if (text !== expected) {
      const actualLines = text.split('\n')
      const expectedLines = expected.split('\n')
      const line = actualLines.findIndex((actual, index) => actual !== expectedLines[index])
      throw new Error(
        `${page} differs from what its fixtures print (first at line ${line + 1}: ${JSON.stringify(actualLines[line])} instead of ${JSON.stringify(expectedLines[line])}); run \`npm run docs\` and review the change`,
      )
    }
  })

  it('shows no finding line outside a generated example', () => {
    expect(unCheckedFindingLines(readFileSync(absolute, 'utf8'))).toEqual([])
  })
})

describe.each(ruleIds)('rule page docs/rules/%s.md', (id) => {
  const text = () => readFileSync(path.join(docsDirectory, 'rules', `${id}.md`), 'utf8')

  it('has a generated failing example on which the rule fires', async () => {
    const directories = blockDirectories(section(text(), '## Failing example'))
    expect(directories.length).toBeGreaterThan(0)
    for (const directory of directories) {
      const { output } = await runExample(directory)
      expect([directory, output.some((line) => line.endsWith(`[${id}]`))]).toEqual([directory, true])
    }
  })

  it('shows every example-* fixture of the rule', () => {
    const directory = path.join(repositoryRoot, '__fixtures__', 'rules', id)
    const examples = existsSync(directory) ? readdirSync(directory).filter((name) => name.startsWith('example-')) : []
    const shown = new Set(blockDirectories(text()))
    expect(examples.filter((name) => !shown.has(`__fixtures__/rules/${id}/${name}`))).toEqual([])
  })

  it('has a generated fixed example on which the rule is silent', async () => {
    const directories = blockDirectories(section(text(), '## Fixed example'))
    expect(directories.length).toBeGreaterThan(0)
    for (const directory of directories) {
      const { output } = await runExample(directory)
      expect([directory, output.filter((line) => line.endsWith(`[${id}]`))]).toEqual([directory, []])
    }
  })
})
