import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EXIT_FINDINGS, EXIT_OK, main } from '../../src/cli.js'
import { formatText } from '../../src/report/text.js'
import { liveFixture } from '../live/helpers.js'
import { repositoryRoot } from '../helpers.js'

/**
 * Docs examples rendered from fixtures (kube-linter checks its docs by running them): a block
 *
 *   <!-- generated from __fixtures__/rules/<id>/example-fails by `npm run docs`; do not edit -->
 *   …
 *   <!-- end of generated example -->
 *
 * holds the fixture directory's files, each under its path, and what irsa-guard prints on it;
 * `<!-- generated output of <directory> by …` holds only what it prints (for a directory too large
 * to show, such as examples/).
 */
export const BLOCK =
  /<!-- generated (from|output of) (\S+) by `npm run docs`; do not edit -->\n[\s\S]*?<!-- end of generated example -->/g

/** A line of the text format: `path:line:col: level: message [rule-id]`. */
export const FINDING_LINE = /^\S.*:\d+:\d+: (error|warning|note): .*\[([a-z0-9-]+)\]$/

/** The fake AWS account state a live fixture runs against; the tests read it, irsa-guard does not. */
const AWS_STATE = 'aws-state.yaml'
/** Files beside an example that are not part of it: golden outputs of the fixture tests. */
const NOT_SHOWN = new Set(['expected.txt'])

const LANGUAGES: Record<string, string> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
  '.tf': 'hcl',
  '.hcl': 'hcl',
  '.sh': 'sh',
  '.ini': 'ini',
  '.toml': 'toml',
  '.md': 'markdown',
}

function filesUnder(directory: string, prefix = ''): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`
      if (entry.isDirectory()) return filesUnder(path.join(directory, entry.name), relative)
      return NOT_SHOWN.has(relative) ? [] : [relative]
    })
}

function language(file: string): string {
  const base = path.basename(file)
  if (base === 'config' || base === 'credentials') return 'ini'
  if (base === 'Dockerfile') return 'dockerfile'
  return LANGUAGES[path.extname(base)] ?? 'text'
}

/** A fenced block that no backtick run inside the text can close. */
function fence(text: string, info = ''): string[] {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length))
  const marks = '`'.repeat(longest + 1)
  return [`${marks}${info}`, ...text.replace(/\n$/, '').split('\n'), marks]
}

/**
 * What `irsa-guard .` writes on standard output (the text format) in a repository holding only the
 * example: a copy outside this repository, so that its paths are relative to the example. A usage
 * or config error is not an example.
 */
async function cliOutput(directory: string): Promise<string> {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'irsa-guard-example-'))
  try {
    cpSync(directory, copy, { recursive: true })
    let stdout = ''
    let stderr = ''
    const io = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: copy,
    }
    const code = await main(['.'], io)
    if (code !== EXIT_OK && code !== EXIT_FINDINGS)
      throw new Error(`irsa-guard ${directory} exited with ${code}: ${stderr}`)
    return stdout
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
}

/** The text lines of a live fixture: the action's log, with live confirmation against fake AWS servers holding its aws-state.yaml. */
async function liveOutput(directory: string): Promise<string> {
  const [ruleId, variant] = path.relative(path.join(repositoryRoot, '__fixtures__', 'rules'), directory).split(path.sep)
  if (!ruleId || !variant)
    throw new Error(`a live example must be a directory __fixtures__/rules/<id>/<variant>, not ${directory}`)
  const run = await liveFixture(ruleId, variant)
  if (!run.outcome.ran) throw new Error(`live confirmation did not run on ${directory}: ${run.outcome.reason}`)
  return formatText(run.result.findings)
}

export interface Example {
  /** Fixture directory relative to the repository root. */
  directory: string
  live: boolean
  files: string[]
  output: string[]
}

const examples = new Map<string, Promise<Example>>()

/** Runs an example once per process (the page check and the rule page checks share the run). */
export function runExample(directory: string): Promise<Example> {
  let example = examples.get(directory)
  if (!example) examples.set(directory, (example = run(directory)))
  return example
}

async function run(directory: string): Promise<Example> {
  const absolute = path.join(repositoryRoot, directory)
  if (!existsSync(absolute)) throw new Error(`${directory} does not exist`)
  const files = filesUnder(absolute)
  const live = files.includes(AWS_STATE)
  const output = live ? await liveOutput(absolute) : await cliOutput(absolute)
  return { directory, live, files, output: output.split('\n').filter((line) => line !== '') }
}

export type BlockKind = 'from' | 'output of'

/** The block's text: every file of the example (unless `output of`), then the output; `ruleId` names the page's rule. */
export function renderExample(example: Example, kind: BlockKind, ruleId?: string): string {
  const lines = [`<!-- generated ${kind} ${example.directory} by \`npm run docs\`; do not edit -->`]
  const absolute = path.join(repositoryRoot, example.directory)
  for (const file of kind === 'from' ? example.files.filter((file) => file !== AWS_STATE) : []) {
    lines.push(`\`${file}\`:`, '', ...fence(readFileSync(path.join(absolute, file), 'utf8'), language(file)), '')
  }
  if (example.live && kind === 'from') {
    lines.push(
      `The AWS account, as the tests' fake AWS servers hold it (\`${AWS_STATE}\`; irsa-guard reads it through the AWS APIs):`,
      '',
      ...fence(readFileSync(path.join(absolute, AWS_STATE), 'utf8'), 'yaml'),
      '',
    )
  }
  const tool = example.live ? 'With live confirmation, irsa-guard' : 'irsa-guard'
  const ofRule = example.output.filter((line) => line.endsWith(`[${ruleId}]`))
  if (example.output.length === 0) lines.push(`${tool} reports nothing.`, '')
  else if (ruleId !== undefined && ofRule.length === 0)
    lines.push(`${tool} reports nothing for this rule; it prints only:`, '', ...fence(example.output.join('\n')), '')
  else lines.push(`${tool} prints:`, '', ...fence(example.output.join('\n')), '')
  lines.push('<!-- end of generated example -->')
  return lines.join('\n')
}

/** The fixture directories a page's blocks name, in order. */
export function blockDirectories(page: string): string[] {
  return [...page.matchAll(BLOCK)].map((match) => match[2]!)
}

/** The page with every block re-rendered from its fixture. */
export async function renderPage(page: string, ruleId?: string): Promise<string> {
  const rendered: string[] = []
  for (const match of page.matchAll(BLOCK))
    rendered.push(renderExample(await runExample(match[2]!), match[1] as BlockKind, ruleId))
  let index = 0
  return page.replace(BLOCK, () => rendered[index++]!)
}

/** Finding lines written outside generated blocks (output the docs show but no run checks). */
export function unCheckedFindingLines(page: string): string[] {
  return page
    .replace(BLOCK, '')
    .split('\n')
    .filter((line) => FINDING_LINE.test(line.trim()))
}
