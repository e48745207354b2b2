import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'
import { scan } from '../helpers.js'
import { StringPool, ownString } from '../../src/text/own-string.js'

/*
 * A scan's facts must not keep the texts of the files they were read from: V8 represents a
 * substring of 13 characters or more as a slice that keeps the whole string it was taken from, so
 * a role name taken from a file kept that file in memory for the rest of the scan. Each file here
 * is 200 KB of comment or whitespace around one ServiceAccount or role; the facts of 60 of them
 * are a few hundred KB, their texts 12 MB.
 */

setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

const FILES = 60
const PADDING = 200 * 1024
afterAll(removeTempRepos)

function heapUsed(): number {
  collectGarbage()
  collectGarbage()
  return process.memoryUsage().heapUsed
}

/** Writes the files, scans them, and returns how much more heap the result holds than before. */
async function heapHeldByScan(files: (index: number) => [string, string]): Promise<number> {
  const root = tempRepo(Object.fromEntries(Array.from({ length: FILES }, (_, index) => files(index))))
  const before = heapUsed()
  const result = await scan(root)
  const held = heapUsed() - before
  expect(result.graph.facts.serviceAccounts.length + result.graph.facts.roles.length).toBe(FILES)
  return held
}

const comment = (prefix: string): string => `${prefix} ${'x'.repeat(PADDING)}\n`
const serviceAccount = (index: number, extra = ''): string =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-service-account-${index}\n  namespace: payments-namespace-${index}\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/payments-role-${index}\n${extra}`
const trust = (index: number): string =>
  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"oidc.eks.us-east-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF:sub": "system:serviceaccount:payments-namespace-${index}:payments-service-account-${index}"}}}]}`

const LIMIT = 3 * 1024 * 1024

test('manifests read by the fast YAML parser', async () => {
  const held = await heapHeldByScan((index) => [`k8s/sa-${index}.yaml`, comment('#') + serviceAccount(index)])
  expect(held).toBeLessThan(LIMIT)
})

test('manifests read by the yaml package (an anchor: the fast parser declines)', async () => {
  const held = await heapHeldByScan((index) => [
    `k8s/sa-${index}.yaml`,
    comment('#') + serviceAccount(index, `  labels:\n    team: &team payments-team-name\n    owner: *team\n`),
  ])
  expect(held).toBeLessThan(LIMIT)
})

test('IAM trust policies in JSON', async () => {
  const held = await heapHeldByScan((index) => [
    `iam/payments-role-${index}-trust.json`,
    ' '.repeat(PADDING) + trust(index),
  ])
  expect(held).toBeLessThan(LIMIT)
})

test('Terraform roles', async () => {
  const held = await heapHeldByScan((index) => [
    `infra/role-${index}/main.tf`,
    comment('#') +
      `resource "aws_iam_role" "payments_role_${index}" {\n  name = "payments-role-name-${index}"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = []\n  })\n}\n`,
  ])
  expect(held).toBeLessThan(LIMIT)
})

test('the string pool gives back the same text, for short and long strings, past its bound', () => {
  const pool = new StringPool()
  const differing: string[] = []
  for (let round = 0; round < 2; round++)
    for (let index = 0; index < 60_000; index++) {
      const text = `a-name-long-enough-to-be-sliced-${index}`
      if (pool.get(text) !== text) differing.push(text)
    }
  expect(differing).toEqual([])
  expect(pool.get('short')).toBe('short')
  expect(ownString('')).toBe('')
  expect(ownString('a text of twenty-six chars')).toBe('a text of twenty-six chars')
})
