import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { COMMENT_MARKER } from '../../src/github/comment.js'
import { formatMarkdown } from '../../src/report/markdown.js'
import { formatPullRequestComment } from '../../src/report/pr-comment.js'
import { formatText } from '../../src/report/text.js'
import { FakeGitHub, READ_ONLY_TOKEN, WRITE_TOKEN } from '../github/fake-github.js'
import { runActionBundleAsync } from '../github/run-action.js'
import { scan } from '../helpers.js'
import { markdownProblems } from './markdown-check.js'
import { forged, runnerCommands, writeAttackRepository } from './payloads.js'

/** Pieces of workflow commands and Markdown, line breaks of every kind, and plain characters to hold them together. */
const PIECES = fc.constantFrom(
  ...['\n', '\r', '\r\n', '\u2028', '\u0085', '\u001b', '\t', ' ', '\u00a0', '\u200d', '\u0000'],
  ...[
    '::',
    '::error file=forged.yaml,line=1::forged',
    '::add-mask::',
    '::stop-commands::tok',
    '##[',
    '##[error]v1',
    '%0A',
    '%',
    ':',
    ',',
  ],
  ...[
    '|',
    '`',
    '``',
    '<',
    '>',
    '<img src=x>',
    '<details>',
    '<!--',
    '[',
    ']',
    '(',
    ')',
    '](https://forged.example)',
    '!',
    '*',
    '**',
    '_',
    '~',
    '&amp;',
    '$',
    '@',
    '@org/team',
    '#',
    '#12',
    '\\',
    '-',
    '# ',
    '> ',
  ],
  ...['${', '%{', '"', "'", 'a', 'Z', '0', '.', '/'],
)

/** Any text for every field: each field gets its own, prefixed with the field's name so it stays non-empty. */
const fieldValues = fc
  .func(fc.string({ unit: PIECES, maxLength: 10 }))
  .map((generate) => (field: string) => `${field}${generate(field)}`)

const LINKS = {
  blobUrl: 'https://github.com/octo-org/payments-platform/blob/6dcb09b5b57875f334f61aebed695e2e4193db5e',
  runUrl: 'https://github.com/octo-org/payments-platform/actions/runs/1',
}

describe('workflow-command and Markdown payloads in every string field of every source', () => {
  let root: string
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-fuzz-'))
  })
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('the text report, job summary and comment print no workflow command and render no Markdown from them', async () => {
    await fc.assert(
      fc.asyncProperty(fieldValues, async (value) => {
        await rm(root, { recursive: true, force: true })
        await writeAttackRepository(root, value)
        const result = await scan(root)
        const text = formatText(result.findings)
        expect(runnerCommands(text)).toEqual([])
        expect(text.split('\n')).toHaveLength(result.findings.length + 1)
        expect(markdownProblems(formatMarkdown(result, LINKS), { strong: 2, details: 1 })).toEqual([])
        expect(
          markdownProblems(formatPullRequestComment(result, { ...LINKS, marker: COMMENT_MARKER }), {
            details: 2,
            strong: 1,
            comments: 1,
          }),
        ).toEqual([])
      }),
      { numRuns: 25 },
    )
  })

  it('the action bundle issues only its own commands and annotations, and writes escaped Markdown to the summary, check run and comment', async () => {
    const github = new FakeGitHub()
    await github.start()
    try {
      let pullRequest = 100
      await fc.assert(
        // A fork's read-only token: findings become annotations on the step; a write token: a check run and the comment.
        fc.asyncProperty(fieldValues, fc.boolean(), async (value, fork) => {
          await rm(root, { recursive: true, force: true })
          await writeAttackRepository(root, value)
          const { findings } = await scan(root)
          const files = new Set(findings.map((finding) => finding.location.path))
          const errors = findings.filter((finding) => finding.level === 'error').length
          const number = pullRequest++
          const run = await runActionBundleAsync(
            root,
            { 'github-token': fork ? READ_ONLY_TOKEN : WRITE_TOKEN, comment: 'true' },
            { apiUrl: github.url, pullRequest: number },
          )
          expect(run.code).toBe(1)
          const commands = runnerCommands(run.stdout)
          expect(forged(commands, files)).toEqual([])
          expect(
            commands.filter(({ command, properties }) => command === 'error' && properties.file !== undefined).length,
          ).toBe(fork ? Math.min(errors, 10) : 0)
          expect(runnerCommands(run.stderr)).toEqual([])
          expect(markdownProblems(run.summary, { strong: 2, details: 1 })).toEqual([])
          if (!fork) {
            expect(markdownProblems(github.checkRuns.at(-1)!.summary!, { strong: 2, details: 1 })).toEqual([])
            expect(
              markdownProblems(github.comments.get(number)![0]!.body, { details: 2, strong: 1, comments: 1 }),
            ).toEqual([])
          }
        }),
        { numRuns: 6 },
      )
    } finally {
      await github.stop()
    }
  }, 120_000)
})
