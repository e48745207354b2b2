import { formatCoverageMarkdown, formatUnresolvedLine } from '../../src/report/coverage.js'
import { formatJson } from '../../src/report/json.js'
import { formatMarkdown } from '../../src/report/markdown.js'
import { formatPullRequestComment } from '../../src/report/pr-comment.js'
import { toSarif } from '../../src/report/sarif.js'
import { copyOutsideRepository, runCli, withoutDurations } from '../cli/fake-io.js'
import { fixture, scan } from '../helpers.js'
import { sarifValidator } from '../report/sarif-schema.js'

const mixed = fixture('chain-coverage', 'mixed')

const MIXED_COVERAGE = {
  verified: 1,
  total: 3,
  unresolved: [
    {
      kind: 'role',
      location: { path: 'iam/payments-reports-trust.json', line: 1, column: 1 },
      role: 'payments-reports',
      reason: 'trusts-undefined-service-account',
      reasonText: 'its trust names ServiceAccounts that no scanned source defines',
      detail: 'system:serviceaccount:payments:reports',
    },
    {
      kind: 'service-account',
      location: { path: 'k8s/worker.yaml', line: 8, column: 33 },
      serviceAccount: 'payments/worker',
      role: '${WORKER_ROLE_ARN}',
      reason: 'deploy-time-value',
      reasonText: 'its role ARN is filled in at deploy time (envsubst, a CI variable, kustomize vars, a template)',
      detail: '${WORKER_ROLE_ARN}',
    },
  ],
}

const UNRESOLVED_LINES = [
  'iam/payments-reports-trust.json:1: role payments-reports: its trust names ServiceAccounts that no scanned source defines (system:serviceaccount:payments:reports) [trusts-undefined-service-account]',
  'k8s/worker.yaml:8: ServiceAccount payments/worker → ${WORKER_ROLE_ARN}: its role ARN is filled in at deploy time (envsubst, a CI variable, kustomize vars, a template) (${WORKER_ROLE_ARN}) [deploy-time-value]',
]

const MARKDOWN_COVERAGE = [
  "**IRSA chains: verified 1 of 3 chains**, 2 unresolved (a chain is verified when the ServiceAccount's token was evaluated against its role's trust).",
  '',
  '<details><summary>2 unresolved chains and why</summary>',
  '',
  '- `iam/payments-reports-trust.json:1` role `payments-reports`: its trust names ServiceAccounts that no scanned source defines (`system:serviceaccount:payments:reports`) · `trusts-undefined-service-account`',
  '- `k8s/worker.yaml:8` ServiceAccount `payments/worker` → `${WORKER_ROLE_ARN}`: its role ARN is filled in at deploy time (envsubst, a CI variable, kustomize vars, a template) (`${WORKER_ROLE_ARN}`) · `deploy-time-value`',
  '',
  '</details>',
  '',
]

describe('chain coverage in the reporters', () => {
  it('JSON: a coverage object with each unresolved chain, its reason id and sentence', async () => {
    expect(JSON.parse(formatJson(await scan(mixed))).coverage).toEqual(MIXED_COVERAGE)
  })

  it('JSON: a module call that is not read names the call', async () => {
    expect(
      JSON.parse(formatJson(await scan(fixture('chain-coverage', 'remote-module')))).coverage.unresolved[1],
    ).toEqual({
      kind: 'module',
      location: { path: 'infra/main.tf', line: 19, column: 1 },
      module: 'module.queue_addon',
      reason: 'remote-module',
      reasonText:
        'its role comes from a Terraform module whose source is not read (a registry or git module, or a directory outside the scan)',
      detail: 'source "example-org/irsa-addon/aws" 1.1.1, with IRSA arguments set_irsa_names, oidc_providers',
    })
  })

  it('SARIF: runs[0].properties.coverage, valid against the SARIF 2.1.0 schema', async () => {
    const log = toSarif(await scan(mixed))
    const validate = sarifValidator()
    expect(validate(log)).toBe(true)
    expect(log.runs[0]!.properties).toEqual({ coverage: MIXED_COVERAGE })
  })

  it('job summary: the line under the counts, and the unresolved chains in a collapsed list', async () => {
    const lines = formatMarkdown(await scan(mixed)).split('\n')
    expect(lines.slice(2, 4 + MARKDOWN_COVERAGE.length)).toEqual([
      '**0 errors, 0 warnings, 1 note** in 4 IRSA-relevant files (4 files seen).',
      '',
      ...MARKDOWN_COVERAGE,
    ])
  })

  it('job summary: links each unresolved chain to the commit, and cuts the list at the limit', async () => {
    const markdown = formatMarkdown(await scan(mixed), {
      blobUrl: 'https://github.com/acme/shop/blob/abc123',
      limit: 1,
    })
    expect(markdown).toContain(
      '- [iam/payments-reports-trust.json:1](https://github.com/acme/shop/blob/abc123/iam/payments-reports-trust.json#L1) role `payments-reports`: its trust names ServiceAccounts that no scanned source defines (`system:serviceaccount:payments:reports`) · `trusts-undefined-service-account`\n- … and 1 more (see the JSON or SARIF report)\n',
    )
  })

  it('job summary: only the line when every chain is verified', async () => {
    const markdown = formatMarkdown(await scan(fixture('repos', 'clean')))
    expect(markdown).toContain(
      "\n**IRSA chains: verified 1 of 1 chain** (a chain is verified when the ServiceAccount's token was evaluated against its role's trust).\n\n### ServiceAccounts",
    )
    expect(markdown).not.toContain('<details>')
  })

  it('pull request comment: the same line and list, with findings and without', async () => {
    const withFindings = formatPullRequestComment(await scan(mixed), {
      marker: '<!-- irsa-guard -->',
      sha: 'abcdef0123456',
    })
    expect(withFindings).toContain(
      `Results for abcdef0; each finding names what to change.\n\n${MARKDOWN_COVERAGE.join('\n')}`,
    )
    const clean = formatPullRequestComment(await scan(fixture('repos', 'clean')), { marker: '<!-- irsa-guard -->' })
    expect(clean).toBe(
      "<!-- irsa-guard -->\n## irsa-guard ✅ no IRSA findings\n\nEvery finding is fixed: 2 IRSA-relevant files checked, 1 ServiceAccount with a role.\n\n**IRSA chains: verified 1 of 1 chain** (a chain is verified when the ServiceAccount's token was evaluated against its role's trust).\n",
    )
  })
})

describe('repository-derived values in the coverage', () => {
  const chain = {
    kind: 'service-account' as const,
    location: { path: 'k8s/a\nb.yaml', line: 3, column: 5 },
    serviceAccount: 'shop/x|y',
    role: 'arn:aws:iam::349127586034:role/a`b\n::error::c',
    reason: 'role-outside-scan' as const,
  }

  it('stay on one line in the text line', () => {
    expect(formatUnresolvedLine(chain)).toBe(
      'k8s/a b.yaml:3: ServiceAccount shop/x|y → arn:aws:iam::349127586034:role/a`b ::error::c: names a role that no scanned source defines [role-outside-scan]',
    )
  })

  it('stay in their code span in Markdown', () => {
    const lines = formatCoverageMarkdown({ verified: 0, total: 1, unresolved: [chain] })
    expect(lines[4]).toBe(
      '- `k8s/a b.yaml:3` ServiceAccount `shop/x|y` → ``arn:aws:iam::349127586034:role/a`b ::error::c``: names a role that no scanned source defines · `role-outside-scan`',
    )
  })
})

describe('chain coverage through the CLI', () => {
  const mixed = copyOutsideRepository(fixture('chain-coverage', 'mixed'))

  it('text: the summary line says how many chains were verified and points at --verbose', async () => {
    const run = await runCli([mixed, '--fail-on', 'never'], process.cwd())
    expect(run.code).toBe(0)
    expect(run.stderr).toBe(
      'irsa-guard: 0 errors, 0 warnings, 1 note in 4 IRSA-relevant files; verified 1 of 3 chains, 2 unresolved (--verbose says why)\n',
    )
  })

  it('text --verbose: each unresolved chain under the summary, with its reason', async () => {
    const run = await runCli([mixed, '--fail-on', 'never', '--verbose'], process.cwd())
    expect(withoutDurations(run.stderr)).toBe(
      'irsa-guard: 0 errors, 0 warnings, 1 note in 4 IRSA-relevant files; verified 1 of 3 chains, 2 unresolved\n' +
        'irsa-guard: phases: discover …, read … (4 files, 0 worker threads), analyse …\n' +
        'irsa-guard: files read per kind: iam-json 2, kubernetes 2\n' +
        UNRESOLVED_LINES.map((line) => `  unresolved: ${line}\n`).join(''),
    )
  })

  it('never changes the exit code by itself', async () => {
    expect((await runCli([fixture('chain-coverage', 'role-outside-scan')], process.cwd())).code).toBe(0)
  })

  it('json, sarif and markdown carry the coverage', async () => {
    const json = await runCli([mixed, '--format', 'json', '--fail-on', 'never'], process.cwd())
    expect(JSON.parse(json.stdout).coverage).toEqual(MIXED_COVERAGE)
    const sarif = await runCli([mixed, '--format', 'sarif', '--fail-on', 'never'], process.cwd())
    expect(JSON.parse(sarif.stdout).runs[0].properties.coverage).toEqual(MIXED_COVERAGE)
    const markdown = await runCli([mixed, '--format', 'markdown', '--fail-on', 'never'], process.cwd())
    expect(markdown.stdout).toContain(MARKDOWN_COVERAGE.join('\n'))
  })
})
