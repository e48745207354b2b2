import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { check, type CheckResult } from '../../src/check.js'
import { main } from '../../src/cli.js'
import { loadConfig } from '../../src/config-file.js'
import { escapeWorkflowCommandsInJson } from '../../src/report/escape.js'
import { jsonChunks } from '../../src/report/json-chunks.js'
import { toJsonReport } from '../../src/report/json.js'
import { toSarif } from '../../src/report/sarif.js'
import { formatFindingLine } from '../../src/report/text.js'
import { writeManyFindingsRepository } from '../action/many-findings.js'

/** Each write to standard output, as the CLI made them. */
async function runRecordingWrites(argv: string[], cwd: string): Promise<{ code: number; writes: string[] }> {
  const writes: string[] = []
  const code = await main(argv, {
    cwd,
    stdout: { write: (text: string) => writes.push(text) },
    stderr: { write: () => true },
  })
  return { code, writes }
}

/** Where two long texts first differ, with a little of each around it (a diff of megabytes would not be readable). */
function firstDifference(
  actual: string,
  expected: string,
): undefined | { at: number; actual: string; expected: string } {
  if (actual === expected) return undefined
  let at = 0
  while (at < actual.length && actual[at] === expected[at]) at += 1
  return { at, actual: actual.slice(at - 80, at + 80), expected: expected.slice(at - 80, at + 80) }
}

describe('reports written in pieces', () => {
  let directory: string
  let root: string
  let result: CheckResult
  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-streamed-'))
    root = path.join(directory, 'repo')
    // 3 findings a unit: 450 findings, reports of about 450 KiB (JSON) and 770 KiB (SARIF).
    await writeManyFindingsRepository(root, 150)
    result = await check({ root, config: await loadConfig({ root, cwd: root }) })
  }, 120_000)
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  const unstreamedJson = () => `${JSON.stringify(toJsonReport(result), null, 2)}\n`
  const unstreamedSarif = () => `${JSON.stringify(toSarif(result), null, 2)}\n`

  it.each([
    ['json', unstreamedJson],
    ['sarif', unstreamedSarif],
  ])('prints the whole %s report on standard output, byte for byte, in several writes', async (format, unstreamed) => {
    expect(result.findings).toHaveLength(450)
    const run = await runRecordingWrites(['--format', format, '--fail-on', 'never', '.'], root)
    expect(run.code).toBe(0)
    expect(firstDifference(run.writes.join(''), escapeWorkflowCommandsInJson(unstreamed()))).toBeUndefined()
    expect(run.writes.length).toBeGreaterThan(1)
    // A batch is about 256 KiB: the report never goes out as one string.
    for (const write of run.writes) expect(write.length).toBeLessThan((1 << 18) + 16 * 1024)
  })

  it('prints the whole text report, a line a finding', async () => {
    const run = await runRecordingWrites(['--format', 'text', '--fail-on', 'never', '.'], root)
    const lines = result.findings.map((finding) => `${formatFindingLine(finding)}\n`)
    expect(firstDifference(run.writes.join(''), lines.join(''))).toBeUndefined()
  })

  it.each([
    ['json', unstreamedJson],
    ['sarif', unstreamedSarif],
  ])('writes the whole %s report to --output, byte for byte', async (format, unstreamed) => {
    const run = await runRecordingWrites(
      ['--format', format, '--fail-on', 'never', '--output', 'out/report', '.'],
      root,
    )
    expect(run).toEqual({ code: 0, writes: [] })
    expect(firstDifference(await readFile(path.join(root, 'out', 'report'), 'utf8'), unstreamed())).toBeUndefined()
  })
})

describe('jsonChunks', () => {
  const valueWithHoles = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.jsonValue({ maxDepth: 2 }),
      fc.constant(undefined),
      fc.constant('say ##[error] and ##[group]'),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 4 }),
    ),
  })).value

  it('joins to exactly JSON.stringify(value, null, 2) at every split depth', () => {
    fc.assert(
      fc.property(valueWithHoles, fc.integer({ min: 0, max: 4 }), (value, splitDepth) => {
        if (value === undefined) return
        expect([...jsonChunks(value, splitDepth)].join('')).toBe(JSON.stringify(value, null, 2))
      }),
      { numRuns: 500 },
    )
  })

  it('never splits a string: escaping `##[` piece by piece equals escaping the whole text', () => {
    fc.assert(
      fc.property(valueWithHoles, fc.integer({ min: 0, max: 4 }), (value, splitDepth) => {
        if (value === undefined) return
        const pieces = [...jsonChunks(value, splitDepth)]
        expect(pieces.map(escapeWorkflowCommandsInJson).join('')).toBe(
          escapeWorkflowCommandsInJson(JSON.stringify(value, null, 2)),
        )
      }),
      { numRuns: 500 },
    )
  })

  it('writes a large array element by element', () => {
    const findings = Array.from({ length: 1000 }, (_, index) => ({ index, message: `finding ${index}` }))
    const pieces = [...jsonChunks({ tool: 'irsa-guard', findings }, 2)]
    expect(pieces.join('')).toBe(JSON.stringify({ tool: 'irsa-guard', findings }, null, 2))
    expect(pieces).toContain('{\n      "index": 999,\n      "message": "finding 999"\n    }')
  })
})
