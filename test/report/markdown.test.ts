import { formatMarkdown } from '../../src/report/markdown.js'
import { escapeMarkdown } from '../../src/report/escape.js'
import { fixture, scan } from '../helpers.js'
import { broad, denied, resultOf } from './results.js'

const docs = 'https://github.com/irsa-guard/irsa-guard/blob/main/docs/rules'

describe('markdown reporter (job summary)', () => {
  it('shows the counts, the broken ServiceAccount → role chain with its verdict, and the findings by rule', async () => {
    const markdown = formatMarkdown(await scan(fixture('repos', 'broken')))
    const lines = markdown.split('\n')
    expect(lines.slice(0, 11)).toEqual([
      '## irsa-guard',
      '',
      '**1 error, 0 warnings, 0 notes** in 2 IRSA-relevant files (2 files seen).',
      '',
      "**IRSA chains: verified 1 of 1 chain** (a chain is verified when the ServiceAccount's token was evaluated against its role's trust).",
      '',
      '### ServiceAccounts and their IAM roles',
      '',
      '| Verdict | ServiceAccount | IAM role | Cluster |',
      '| --- | --- | --- | --- |',
      '| ❌\u00a01\u00a0error | `payments/api`<br>`k8s/api.yaml:4` | `payments-api`<br>`iam/payments-api-trust.json:1` | `0A1B2C3D…` |',
    ])
    expect(lines).toContain(
      `#### [\`trust-denies-service-account\`](${docs}/trust-denies-service-account.md) · 1 error`,
    )
    expect(
      lines.filter((line) =>
        line.startsWith(
          '- ❌ `iam/payments-api-trust.json:12:90`: ServiceAccount payments/api (k8s/api.yaml:7) would be refused',
        ),
      ),
    ).toHaveLength(1)
  })

  it('says the chain has no findings and lists none when the repository is correct', async () => {
    const markdown = formatMarkdown(await scan(fixture('repos', 'clean')))
    expect(markdown).toContain(
      '| ✅\u00a0no\u00a0findings | `payments/api`<br>`k8s/api.yaml:4` | `payments-api`<br>`iam/payments-api-trust.json:1` | `0A1B2C3D…` |',
    )
    expect(markdown).toContain('**0 errors, 0 warnings, 0 notes**')
    expect(markdown.trimEnd().endsWith('### Findings\n\nNo findings.')).toBe(true)
  })

  it('links locations to the commit when given a blob URL, and escapes markdown in messages', () => {
    const markdown = formatMarkdown(resultOf([denied, broad]), { blobUrl: 'https://github.com/acme/infra/blob/abc123' })
    expect(markdown).toContain(
      '- ⚠️ [infra/my roles/ops.json:3:5](https://github.com/acme/infra/blob/abc123/infra/my%20roles/ops.json#L3): StringLike sub "system:serviceaccount:\\*:api" admits a ServiceAccount named api in any namespace',
    )
    expect(markdown).toContain('No ServiceAccount with an `eks.amazonaws.com/role-arn` annotation was found.')
    // Errors come before warnings.
    expect(
      markdown.indexOf(`[\`trust-denies-service-account\`](${docs}/trust-denies-service-account.md) · 1 error`),
    ).toBeLessThan(markdown.indexOf(`[\`sub-condition-broad\`](${docs}/sub-condition-broad.md) · security · 1 warning`))
  })

  it('cuts long lists and says how many more there are', () => {
    const many = Array.from({ length: 7 }, (_, index) => ({
      ...denied,
      location: { ...denied.location, line: index + 1 },
    }))
    const markdown = formatMarkdown(resultOf(many), { limit: 5 })
    expect(markdown.split('\n').filter((line) => line.startsWith('- ❌'))).toHaveLength(5)
    expect(markdown).toContain('- … and 2 more (see the SARIF or JSON report)')
  })

  it('escapes what markdown would render', () => {
    expect(escapeMarkdown('a|b *c* _d_ <e> [f] `g`')).toBe('a\\|b \\*c\\* \\_d\\_ \\<e\\> \\[f\\] \\`g\\`')
  })
})
