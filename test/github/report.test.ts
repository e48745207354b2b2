import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { Finding } from '../../src/model/finding.js'
import { checkRunSummary, checkRunTitle, toCheckAnnotation } from '../../src/report/check-run.js'
import { formatPullRequestComment } from '../../src/report/pr-comment.js'
import { toSarif } from '../../src/report/sarif.js'
import { CODE_SCANNING_LIMITS, formatSarifWithinLimits } from '../../src/report/sarif-limits.js'
import { truncateWithNotice } from '../../src/report/truncate.js'
import { fixture, scan } from '../helpers.js'
import { sarifValidator } from '../report/sarif-schema.js'
import { denied, resultOf } from '../report/results.js'
import { writeTrustEditRepository } from './repos.js'

const MARKER = '<!-- irsa-guard -->'
const DOCS = 'https://github.com/irsa-guard/irsa-guard/blob/main/docs/rules/trust-denies-service-account.md'
const CLUSTER_ID = '0A1B2C3D…'
const ISSUER_ID = '0A1B2C3D4E5F60718293A4B5C6D7E8F9'

function manyFindings(count: number, related = 0): Finding[] {
  return Array.from({ length: count }, (_, index) => ({
    ...denied,
    level: index < count / 2 ? 'error' : 'warning',
    message: `finding ${index + 1}`,
    location: { path: `iam/role-${index + 1}-trust.json`, line: 12, column: 90 },
    related: Array.from({ length: related }, (__, other) => ({
      location: { path: `k8s/sa-${other}.yaml`, line: 7, column: 33 },
      message: `ServiceAccount ${other}`,
    })),
    fingerprint: String(index).padStart(32, '0'),
  }))
}

describe('the sticky pull request comment', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-comment-'))
    await writeTrustEditRepository(root)
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('groups findings by ServiceAccount → role → provider, each under the ServiceAccount it names, with the fix', async () => {
    const result = await scan(root)
    const body = formatPullRequestComment(result, {
      marker: MARKER,
      sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
      accepted: 2,
    })
    const lines = body.split('\n')
    expect(lines.slice(0, 6)).toEqual([
      MARKER,
      '## irsa-guard: 3 errors, 0 warnings, 0 notes',
      '',
      'Results for 6dcb09b; each finding names what to change.',
      '',
      '<sub>2 findings accepted by the baseline file are not shown.</sub>',
    ])
    expect(lines.filter((line) => line.startsWith('### '))).toEqual([
      `### ❌ \`payments/api\` → \`payments-api\` → cluster \`${CLUSTER_ID}\``,
      `### ❌ \`payments/worker\` → \`payments-api\` → cluster \`${CLUSTER_ID}\``,
      `### ❌ \`search/indexer\` → \`search-indexer\` → cluster \`${CLUSTER_ID}\``,
    ])
    const section = (heading: string) => {
      const start = lines.indexOf(heading)
      const end = lines.findIndex(
        (line, index) => index > start && (line.startsWith('### ') || line.startsWith('<details>')),
      )
      return lines.slice(start, end).join('\n').trimEnd().split('\n')
    }
    expect(section(`### ❌ \`payments/worker\` → \`payments-api\` → cluster \`${CLUSTER_ID}\``)).toEqual([
      `### ❌ \`payments/worker\` → \`payments-api\` → cluster \`${CLUSTER_ID}\``,
      '',
      'ServiceAccount `k8s/payments.yaml:12` · role `iam/payments-api-trust.json:1`',
      '',
      '```mermaid',
      'flowchart LR',
      '  sa["ServiceAccount<br/>payments/worker"]',
      '  role0["role<br/>payments-api"]',
      `  provider0["OIDC provider<br/>${CLUSTER_ID}"]`,
      '  clusterprovider0["cluster<br/>not in the scan"]',
      '  sa -->|"trust-denies-service-account"| role0',
      '  role0 --> provider0',
      '  provider0 --> clusterprovider0',
      '  linkStyle 0 stroke:#d1242f,stroke-width:3px,color:#d1242f',
      '```',
      '',
      `- ❌ [\`trust-denies-service-account\`](${DOCS}) \`k8s/payments.yaml:15\`: ServiceAccount payments/worker (k8s/payments.yaml:15) would be refused by role payments-api's trust (iam/payments-api-trust.json:12): StringEquals on "oidc.eks.eu-central-1.amazonaws.com/id/${ISSUER_ID}:sub" allows "system:serviceaccount:billing:api", not "system:serviceaccount:payments:worker"; role payments-worker's trust (iam/payments-worker-trust.json:1) accepts it: point the annotation at role payments-worker, or change the sub value to "system:serviceaccount:payments:worker"`,
    ])
    expect(lines).toContain(
      `| [\`trust-denies-service-account\`](${DOCS}) | Make the trust's condition values (and provider) match the ServiceAccount that uses the role, or move/rename the ServiceAccount, or point the annotation at the role meant for it. |`,
    )
  })

  it('says everything is fixed when nothing is left', async () => {
    const clean = await scan(fixture('repos', 'clean'))
    expect(formatPullRequestComment(clean, { marker: MARKER, sha: 'abcdef0123', outsideChanges: 0 })).toBe(
      `${MARKER}\n## irsa-guard ✅ no IRSA findings in the files this pull request changes\n\nEvery finding is fixed for abcdef0: 2 IRSA-relevant files checked, 1 ServiceAccount with a role.\n\n**IRSA chains: verified 1 of 1 chain** (a chain is verified when the ServiceAccount's token was evaluated against its role's trust).\n`,
    )
  })

  it('stays within the comment limit, pointing at the workflow run', async () => {
    const body = formatPullRequestComment(resultOf(manyFindings(2000)), {
      marker: MARKER,
      runUrl: 'https://github.com/o/r/actions/runs/1',
      limit: 65_536,
    })
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body.trimEnd().split('\n').at(-1)).toBe(
      "_This comment is cut here to fit GitHub's limit; every finding is in the [workflow run](https://github.com/o/r/actions/runs/1)._",
    )
  })
})

describe('check run annotations and summary', () => {
  it('turns a finding into an annotation on its line, with the other end of the link as details', () => {
    expect(toCheckAnnotation(denied)).toEqual({
      path: 'iam/payments-api-trust.json',
      start_line: 12,
      end_line: 12,
      start_column: 90,
      end_column: 90,
      annotation_level: 'failure',
      title: 'trust-denies-service-account',
      message: 'ServiceAccount payments/api (k8s/api.yaml:7) would be refused by role payments-api',
      raw_details: 'k8s/api.yaml:7: ServiceAccount payments/api names the role here',
    })
    expect(toCheckAnnotation({ ...denied, level: 'note', related: [] })).not.toHaveProperty('raw_details')
    expect(toCheckAnnotation({ ...denied, level: 'note' }).annotation_level).toBe('notice')
    expect(checkRunTitle({ error: 2, warning: 1, note: 0 })).toBe('3 findings: 2 errors, 1 warning, 0 notes')
    expect(checkRunTitle({ error: 0, warning: 0, note: 0 })).toBe('No IRSA findings')
  })

  it('cuts the summary at 65,535 characters with a pointer to the job summary', () => {
    const summary = checkRunSummary(
      `## irsa-guard\n${'- a finding line that repeats\n'.repeat(5000)}`,
      'https://github.com/o/r/actions/runs/1',
    )
    expect(summary.length).toBeLessThanOrEqual(65_535)
    expect(summary.trimEnd().split('\n').at(-1)).toBe(
      '_The summary is cut here to fit a check run (65,535 characters): every finding is an annotation of this check; see the [job summary](https://github.com/o/r/actions/runs/1) for the rest._',
    )
    expect(checkRunSummary('short', undefined)).toBe('short')
  })
})

describe('truncation at a line break', () => {
  it('counts UTF-8 bytes or characters and never splits a line', () => {
    const text = '✅ ok\n'.repeat(100)
    const bytes = truncateWithNotice(text, 200, 'cut', 'bytes')
    expect(Buffer.byteLength(bytes.text)).toBeLessThanOrEqual(200)
    expect(bytes.text.endsWith('✅ ok\n\ncut\n')).toBe(true)
    expect(bytes.truncated).toBe(true)
    expect(truncateWithNotice(text, 10_000, 'cut')).toEqual({ text, truncated: false })
  })
})

describe('SARIF within GitHub code scanning limits', () => {
  it('keeps everything, unchanged, when within the limits', async () => {
    const result = await scan(fixture('repos', 'broken'))
    const { text, cuts } = formatSarifWithinLimits(toSarif(result))
    expect(cuts).toEqual([])
    expect(JSON.parse(text)).toEqual(toSarif(result))
  })

  it('keeps the 5,000 most severe results of one run and says so', () => {
    const findings = manyFindings(5200)
    const { text, cuts } = formatSarifWithinLimits(toSarif(resultOf(findings)))
    const log = JSON.parse(text)
    expect(log.runs).toHaveLength(1)
    expect(log.runs[0].results).toHaveLength(CODE_SCANNING_LIMITS.resultsPerRun)
    expect(log.runs[0].results.at(-1).message.text).toBe('finding 5000')
    expect(sarifValidator()(log)).toBe(true)
    expect(cuts).toEqual([
      'the SARIF file holds the 5,000 most severe of 5,200 results (GitHub code scanning keeps at most 5,000 results per run and 10 MB compressed)',
    ])
  })

  it('keeps 100 locations per result and fits the compressed size', () => {
    const findings = manyFindings(40, 150)
    const limited = formatSarifWithinLimits(toSarif(resultOf(findings)))
    expect(
      JSON.parse(limited.text).runs[0].results.map(
        (result: { relatedLocations: unknown[] }) => result.relatedLocations.length + 1,
      ),
    ).toEqual(Array(40).fill(100))
    expect(limited.cuts).toEqual(['40 SARIF results kept only 100 locations each'])

    const full = formatSarifWithinLimits(toSarif(resultOf(manyFindings(400))))
    const budget = Math.floor(gzipSync(full.text).length / 3)
    const small = formatSarifWithinLimits(toSarif(resultOf(manyFindings(400))), {
      ...CODE_SCANNING_LIMITS,
      gzippedBytes: budget,
    })
    const kept = JSON.parse(small.text).runs[0].results.length
    expect(gzipSync(small.text).length).toBeLessThanOrEqual(budget)
    expect(gunzipSync(gzipSync(small.text)).toString()).toBe(small.text)
    expect(kept).toBeGreaterThan(50)
    expect(kept).toBeLessThan(400)
    // One more result would not fit.
    expect(gzipSync(formatSarifWithinLimits(toSarif(resultOf(manyFindings(kept + 1)))).text).length).toBeGreaterThan(
      budget,
    )
    expect(small.cuts).toEqual([
      `the SARIF file holds the ${kept} most severe of 400 results (GitHub code scanning keeps at most 5,000 results per run and 0 MB compressed)`,
    ])
  })
})
