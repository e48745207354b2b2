import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { scan } from '../helpers.js'

// Findings and unresolved chains are in path order as String.prototype.localeCompare collates
// paths (case and punctuation weigh less than letters, digits are not numbers), then by line.

const names = ['B', 'a', '_x', 'a-b', 'ab', 'Ab', 'é', 'z', '10', '9']
const inOrder = ['_x', '10', '9', 'a-b', 'a', 'ab', 'Ab', 'B', 'é', 'z']

let root: string

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'irsa-guard-order-'))
  for (const name of names) {
    writeFileSync(
      path.join(root, `k8s-${name}.yaml`),
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  namespace: shop\n  annotations:\n    eks.amazonaws.com/role-arn: not-an-arn\n',
    )
  }
})

afterAll(() => {
  rmSync(root, { recursive: true, force: true })
})

it('orders findings and unresolved chains by collated path', async () => {
  const result = await scan(root)
  const files = inOrder.map((name) => `k8s-${name}.yaml`)
  expect(
    result.findings.map((finding) => `${finding.location.path}:${finding.location.line} ${finding.ruleId}`),
  ).toEqual(files.map((file) => `${file}:7 role-arn-invalid`))
  expect(result.coverage.unresolved.map((chain) => `${chain.location.path} ${chain.reason}`)).toEqual(
    files.map((file) => `${file} role-arn-invalid`),
  )
})
