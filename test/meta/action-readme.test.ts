import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { repositoryRoot } from '../helpers.js'

interface ActionMetadata {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
  branding: { icon: string; color: string }
}

const README_PATH = path.join(repositoryRoot, 'README.md')
const action = parse(readFileSync(path.join(repositoryRoot, 'action.yml'), 'utf8')) as ActionMetadata

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(path.join(directory, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(directory, entry.name)]
        : [],
  )
}

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
}

export function renderInputsTable(metadata: ActionMetadata): string[] {
  return [
    '| Input | Description | Default |',
    '| --- | --- | --- |',
    ...Object.entries(metadata.inputs).map(
      ([name, input]) =>
        `| \`${name}\` | ${cell(input.description)} | ${input.default ? `\`${input.default}\`` : '(empty)'} |`,
    ),
  ]
}

export function renderOutputsTable(metadata: ActionMetadata): string[] {
  return [
    '| Output | Description |',
    '| --- | --- |',
    ...Object.entries(metadata.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`),
  ]
}

/** The table lines under a `## <heading>` section (the first run of lines starting with `|`). */
function sectionTable(lines: readonly string[], heading: string): { start: number; end: number } | undefined {
  const headingIndex = lines.indexOf(`## ${heading}`)
  if (headingIndex < 0) return undefined
  let start = headingIndex + 1
  while (start < lines.length && !lines[start]!.startsWith('|') && !lines[start]!.startsWith('## ')) start++
  if (start >= lines.length || lines[start]!.startsWith('## ')) return { start, end: start }
  let end = start
  while (end < lines.length && lines[end]!.startsWith('|')) end++
  return { start, end }
}

/** Puts the generated tables into README.md, keeping everything around them. */
function updateReadme(text: string): string {
  let lines = text.split('\n')
  for (const [heading, table] of [
    ['Inputs', renderInputsTable(action)],
    ['Outputs', renderOutputsTable(action)],
  ] as const) {
    const span = sectionTable(lines, heading)
    if (!span) {
      lines = [...lines.slice(0, lines.length - (lines.at(-1) === '' ? 1 : 0)), '', `## ${heading}`, '', ...table, '']
      continue
    }
    const replacement = span.start === span.end ? ['', ...table, ''] : table
    lines = [...lines.slice(0, span.start), ...replacement, ...lines.slice(span.end)]
  }
  return lines.join('\n')
}

describe('action.yml', () => {
  it('runs the committed bundle on node24 and is branded', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(action.branding).toEqual({ icon: 'shield', color: 'orange' })
  })

  it('describes every input and output; inputs are optional with a default', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect([name, input.description?.trim().length > 0, input.required, typeof input.default]).toEqual([
        name,
        true,
        false,
        'string',
      ])
    }
    for (const [name, output] of Object.entries(action.outputs))
      expect([name, output.description?.trim().length > 0]).toEqual([name, true])
  })

  it('declares exactly the inputs the action reads and the outputs it sets', () => {
    const sources = sourceFiles(path.join(repositoryRoot, 'src'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n')
    // src/action/inputs.ts reads each input through its reader `input('name')`; src/action/run.ts names each output in the ActionOutputs type.
    const inputReader = readFileSync(path.join(repositoryRoot, 'src', 'action', 'inputs.ts'), 'utf8')
    const read = [
      ...sources.matchAll(/core\.get(?:Boolean|Multiline)?Input\(\s*'([^']+)'/g),
      ...inputReader.matchAll(/\binput\(\s*'([^']+)'/g),
    ].map((match) => match[1])
    const outputsType = /export type ActionOutputs = Record<([^>]*)>/.exec(sources)?.[1] ?? ''
    const set = [...sources.matchAll(/core\.setOutput\(\s*'([^']+)'/g), ...outputsType.matchAll(/'([^']+)'/g)].map(
      (match) => match[1],
    )
    expect([...new Set(read)].sort()).toEqual(Object.keys(action.inputs).sort())
    expect([...new Set(set)].sort()).toEqual(Object.keys(action.outputs).sort())
  })

  it('agrees with the README inputs and outputs tables (UPDATE_DOCS=1 regenerates them)', () => {
    if (process.env.UPDATE_DOCS === '1')
      writeFileSync(
        README_PATH,
        updateReadme(existsSync(README_PATH) ? readFileSync(README_PATH, 'utf8') : '# irsa-guard\n'),
      )
    const lines = readFileSync(README_PATH, 'utf8').split('\n')
    const inputs = sectionTable(lines, 'Inputs')
    const outputs = sectionTable(lines, 'Outputs')
    expect(inputs && lines.slice(inputs.start, inputs.end)).toEqual(renderInputsTable(action))
    expect(outputs && lines.slice(outputs.start, outputs.end)).toEqual(renderOutputsTable(action))
  })
})
