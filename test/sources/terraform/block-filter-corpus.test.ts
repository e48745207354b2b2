import { check, type CheckResult } from '../../../src/check.js'
import { filterModule } from '../../../src/sources/terraform/block-filter.js'
import { formatFindingLine } from '../../../src/report/text.js'
import { removeTempRepos, tempRepo } from '../../discover/temp-repo.js'
import { BASES, corpus } from './hcl-corpus.js'

/*
 * The syntax-error corpus of the Terraform block filter (SourceContext.hclFilter): modules whose
 * blocks nothing reads hold every construct the strict check knows (and some it does not), each
 * broken in one line by one mutation. The findings (parse errors with their line and message,
 * once each) must be the same whether the filter cuts bodies or tree-sitter parses everything.
 */

afterAll(removeTempRepos)

function parseErrors(result: CheckResult): string[] {
  return result.findings.filter((finding) => finding.ruleId === 'parse-error').map(formatFindingLine)
}

/** Errors inside bodies the filter cuts when they are whole. */
const EXPECTED = [
  'tf/0-14-doubled-equals-sign/main.tf:14:13: warning: Cannot parse tf/0-14-doubled-equals-sign/main.tf: "enabled =" is incomplete; what parsed around it was still read [parse-error]',
  'tf/0-24-deleted-equals-sign/main.tf:24:10: warning: Cannot parse tf/0-24-deleted-equals-sign/main.tf: unexpected "-1.5"; what parsed around it was still read [parse-error]',
  'tf/0-7-escape-above-U+10FFFF/main.tf:7:13: warning: Cannot parse tf/0-7-escape-above-U+10FFFF/main.tf: \\U00110000 is not a Unicode character (above U+10FFFF), which Terraform rejects; what parsed around it was still read [parse-error]',
  'tf/0-22-double-dot/main.tf:22:24: warning: Cannot parse tf/0-22-double-dot/main.tf: "{"Resource": "${var." is incomplete; what parsed around it was still read [parse-error]',
]

describe('the Terraform block filter on a corpus of syntax errors', () => {
  const files = corpus()
  let filtered: CheckResult
  let whole: CheckResult

  beforeAll(async () => {
    const root = tempRepo(files)
    filtered = await check({ root, workers: 0, hclFilter: true })
    whole = await check({ root, workers: 0, hclFilter: false })
  }, 240_000)

  it('is a corpus of many mutations, most of them errors, many in bodies the filter cuts when they are whole', () => {
    expect(Object.keys(files).length).toBeGreaterThan(700)
    const broken = new Set(parseErrors(whole).map((line) => line.split(':')[0]))
    expect(broken.size).toBeGreaterThan(400)
    const bases = BASES.map((base) => filterModule([{ text: base }]))
    expect(bases.map((base) => [...(base?.[0]?.blanked ?? [])].map((block) => block.labels.join('.')))).toEqual([
      ['aws_s3_bucket.assets', 'aws_sqs_queue.orders'],
      ['aws_security_group.web', 'aws_dynamodb_table.carts', 'aws_cloudwatch_log_group.app'],
    ])
    // Mutations the strict check still accepts: their bodies are cut, and they are not errors.
    const stillCut = Object.entries(files).filter(([, text]) => (filterModule([{ text }])?.[0]?.blanked.size ?? 0) > 0)
    expect(stillCut.length).toBeGreaterThan(150)
  })

  it('reports every syntax error exactly as parsing everything does, once each, with its line and message', () => {
    expect(parseErrors(filtered)).toEqual(parseErrors(whole))
    expect(parseErrors(whole)).toEqual(expect.arrayContaining(EXPECTED))
    const lines = parseErrors(whole)
    expect(new Set(lines).size).toBe(lines.length)
  })

  it('finds everything else the same too', () => {
    expect(JSON.stringify(filtered.findings)).toBe(JSON.stringify(whole.findings))
  })
})
