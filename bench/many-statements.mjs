/**
 * Times the CLI bundle on one trust policy with N StringLike statements (issue 11, defect 6):
 * every statement for one OIDC provider, or each for its own. Not part of `npm run bench`.
 *   node bench/many-statements.mjs [--bundle dist/cli/index.js] [--sizes 1000,2000,4000] [--providers one|each] [--timeout 600]
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .join(' ')
    .split('--')
    .filter(Boolean)
    .map((pair) => pair.trim().split(/\s+/)),
)
const bundle = args.bundle ?? 'dist/cli/index.js'
const sizes = (args.sizes ?? '1000,2000,4000').split(',').map(Number)
const each = (args.providers ?? 'one') === 'each'
const timeoutSeconds = Number(args.timeout ?? 600)

const issuerOf = (index) =>
  `oidc.eks.us-west-2.amazonaws.com/id/${each ? (0x7d6c5b4a3928 + index).toString(16).toUpperCase() + '1706F5E4D3C2B1A09F8E' : '7D6C5B4A39281706F5E4D3C2B1A09F8E'}`

for (const size of sizes) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'irsa-guard-statements-'))
  const statements = Array.from({ length: size }, (_, index) => ({
    Sid: `S${index}`,
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::629184035571:oidc-provider/${issuerOf(index)}` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { [`${issuerOf(index)}:aud`]: 'sts.amazonaws.com' },
      StringLike: { [`${issuerOf(index)}:sub`]: `system:serviceaccount:team-${index}-*:app-*` },
    },
  }))
  mkdirSync(path.join(root, 'iam'))
  const text = JSON.stringify({ Version: '2012-10-17', Statement: statements })
  writeFileSync(path.join(root, 'iam', 'app-trust.json'), text)
  const started = process.hrtime.bigint()
  const run = spawnSync(process.execPath, [bundle, root, '--format', 'json', '--fail-on', 'never'], {
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    maxBuffer: 1 << 30,
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const findings =
    run.status === 0
      ? JSON.parse(run.stdout).findings?.filter((finding) => finding.ruleId === 'sub-condition-broad').length
      : undefined
  console.log(
    `${size} statements (${(text.length / 1024).toFixed(0)} KB, ${each ? 'a provider each' : 'one provider'}): ${run.error ? `not done after ${timeoutSeconds} s` : `${seconds.toFixed(1)} s, ${findings} sub-condition-broad findings`}`,
  )
  rmSync(root, { recursive: true, force: true })
}
