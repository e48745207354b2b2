import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { groupByChain } from '../../src/report/chains.js'
import { formatMarkdown } from '../../src/report/markdown.js'
import { chainDiagram } from '../../src/report/mermaid.js'
import { formatPullRequestComment } from '../../src/report/pr-comment.js'
import { serviceAccount, trust } from '../github/repos.js'
import { scan } from '../helpers.js'
import { markdownProblems, mermaidProblems } from '../security/markdown-check.js'

const MARKER = '<!-- irsa-guard -->'

async function write(root: string, file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true })
  await writeFile(path.join(root, file), text)
}

function tableRows(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter(
      (line) =>
        line.startsWith('| ') &&
        !line.startsWith('| Verdict') &&
        !line.startsWith('| Rule') &&
        !line.startsWith('| [') &&
        !line.startsWith('| ---'),
    )
}

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]!)
}

describe('the chain table and diagrams of the job summary and the comment', () => {
  let root: string
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-chains-'))
  })
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('gives a correct chain its own verdict, not that of another ServiceAccount of the same role, in both', async () => {
    // Role payments-api trusts payments/api; payments/worker names the same role and is refused.
    await write(
      root,
      'k8s/payments.yaml',
      [serviceAccount('payments', 'api', 'payments-api'), serviceAccount('payments', 'worker', 'payments-api')].join(
        '---\n',
      ),
    )
    await write(root, 'iam/payments-api-trust.json', trust('system:serviceaccount:payments:api'))
    const result = await scan(root)
    expect(
      result.findings.map((finding) => `${finding.ruleId} ${finding.location.path}:${finding.location.line}`),
    ).toEqual(['trust-denies-service-account iam/payments-api-trust.json:12'])

    const worker =
      '| ❌\u00a01\u00a0error | `payments/worker`<br>`k8s/payments.yaml:12` | `payments-api`<br>`iam/payments-api-trust.json:1` | `0A1B2C3D…` |'
    const api =
      '| ✅\u00a0no\u00a0findings | `payments/api`<br>`k8s/payments.yaml:4` | `payments-api`<br>`iam/payments-api-trust.json:1` | `0A1B2C3D…` |'
    expect(tableRows(formatMarkdown(result))).toEqual([worker, api])
    const comment = formatPullRequestComment(result, { marker: MARKER })
    expect(tableRows(comment)).toEqual([worker])
    expect(comment).toContain('✅ 1 other ServiceAccount with a role and no findings: `payments/api`')
    expect(comment.split('\n').filter((line) => line.startsWith('### '))).toEqual([
      '### ❌ `payments/worker` → `payments-api` → cluster `0A1B2C3D…`',
    ])
  })

  it('draws the broken hop of a chain whose provider is not the cluster it names, red and labelled with the rule', async () => {
    await write(root, 'k8s/app.yaml', serviceAccount('shop', 'app', 'shop-app'))
    await write(
      root,
      'iam/shop-app-trust.json',
      trust('system:serviceaccount:shop:app').replace(
        '"Federated": "arn:aws:iam::349127586034:oidc-provider/',
        '"Federated": "arn:aws:iam::349127586034:oidc-provider/x',
      ),
    )
    const result = await scan(root)
    const ids = result.findings.map((finding) => finding.ruleId)
    const diagram = mermaidBlocks(formatPullRequestComment(result, { marker: MARKER }))
    expect(diagram).toHaveLength(1)
    const lines = diagram[0]!.split('\n')
    expect(mermaidProblems(diagram[0]!)).toEqual([])
    // The provider hop carries the provider rules that fired; the ServiceAccount hop the others.
    const providerRules = ids.filter((id) =>
      ['condition-key-provider-mismatch', 'federated-principal-invalid', 'oidc-provider-missing'].includes(id),
    )
    expect(providerRules.length).toBeGreaterThan(0)
    expect(lines).toContain(`  role0 -->|"${[...new Set(providerRules)].join(', ')}"| provider0`)
    expect(lines.at(-1)).toMatch(/^ {2}linkStyle [0-9,]+ stroke:#d1242f/)
  })

  it('writes names that carry Mermaid, Markdown or HTML into a diagram as text', async () => {
    await write(root, 'k8s/app.yaml', serviceAccount('shop', 'app', 'shop-app'))
    await write(root, 'iam/shop-app-trust.json', trust('system:serviceaccount:billing:app'))
    const result = await scan(root)
    const [chain] = groupByChain(result, new Set()).chains
    const payload = 'x"] --> evil["<img src=x onerror=alert(1)>`;#quot;%%\u2028\n```'
    const diagram = chainDiagram(
      { ...chain!, sa: { ...chain!.sa, name: { ...chain!.sa.name, kind: 'known', value: payload } } },
      result.graph,
    )
    const lines = diagram.split('\n')
    expect(lines.slice(0, 3)).toEqual([
      '```mermaid',
      'flowchart LR',
      '  sa["ServiceAccount<br/>shop/x?] --? evil[??img src=x onerror=alert(1)?…"]',
    ])
    expect(lines.at(-1)).toBe('```')
    expect(mermaidProblems(lines.slice(1, -1).join('\n'))).toEqual([])
    expect(markdownProblems(diagram)).toEqual([])
  })
})
