import { cpSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { fixture, linesOf, scan } from '../helpers.js'
import { removeTempRepos, tempRepo, writeRepoFile } from '../discover/temp-repo.js'
import type { CheckResult } from '../../src/check.js'

afterAll(removeTempRepos)

const serviceAccount = (name: string) =>
  [
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    `  name: ${name}`,
    '  namespace: payments',
    '  annotations:',
    `    eks.amazonaws.com/role-arn: arn:aws:iam::345678901234:role/${name}`,
    '',
  ].join('\n')

/** The committed corpus plus what should not be committed: binary, huge, deeply nested files, odd encodings, a link loop. */
function badRepository(): string {
  const root = tempRepo()
  cpSync(fixture('bad-input'), root, { recursive: true })
  writeRepoFile(
    root,
    'generated/binary.yaml',
    Buffer.concat([Buffer.from('apiVersion: v1\nkind: Secret\n'), Buffer.from([0x00, 0xff, 0x10, 0x00])]),
  )
  writeRepoFile(
    root,
    'generated/huge.yaml',
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n${'  key: value-value-value-value-value\n'.repeat(300_000)}`,
  )
  writeRepoFile(
    root,
    'generated/deep.yaml',
    `apiVersion: v1\nkind: ConfigMap\ndata: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  )
  writeRepoFile(root, 'generated/bom.yaml', `\uFEFF${serviceAccount('with-bom')}`)
  writeRepoFile(root, 'generated/crlf.yaml', serviceAccount('with-crlf').replace(/\n/g, '\r\n'))
  writeRepoFile(
    root,
    'generated/utf16.yaml',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(serviceAccount('with-utf16'), 'utf16le')]),
  )
  symlinkSync('..', path.join(root, 'generated', 'loop'))
  symlinkSync('loop-b.yaml', path.join(root, 'generated', 'loop-a.yaml'))
  symlinkSync('loop-a.yaml', path.join(root, 'generated', 'loop-b.yaml'))
  return root
}

let result: CheckResult

beforeAll(async () => {
  result = await scan(badRepository())
})

describe('bad input', () => {
  it('reports each problem once, with its line, and nothing else from the corpus', () => {
    expect(linesOf(result, 'parse-error')).toEqual([
      'k8s/broken-indent.yaml:7:1: warning: Cannot parse YAML: All mapping items must start at the same column; nothing in this document was checked [parse-error]',
      'k8s/broken.json:8:3: warning: Cannot parse JSON: expected "," or "}" after the value of "annotations", found end of file; nothing in this file was checked [parse-error]',
      'k8s/duplicate-keys.yaml:6:3: warning: Duplicate key "namespace" (first at k8s/duplicate-keys.yaml:5): kubectl apply -f silently keeps the last value while kustomize and Flux reject the file; keep one of them [parse-error]',
      'k8s/template.yaml:1:3: warning: Cannot parse YAML: Block collections are not allowed within flow collections; the file holds template expressions ({{ }}), so scan the rendered manifests (helm template, envsubst) or exclude the template [parse-error]',
      'generated/binary.yaml:1:1: note: Skipped generated/binary.yaml: it is binary (a NUL byte at offset 28), not text; exclude it, or save it as UTF-8 text [parse-error]',
      'generated/deep.yaml:3:1: note: Cannot parse YAML: nesting too deep to read; nothing in this document was checked [parse-error]',
      'generated/huge.yaml:1:1: note: Skipped generated/huge.yaml: it is 10.6 MB, larger than the 2.0 MB limit; raise the max-file-bytes input (--max-file-bytes), or exclude the file [parse-error]',
      'generated/loop-a.yaml:1:1: note: Skipped generated/loop-a.yaml: it is a symbolic link that cannot be resolved (its target is missing, or the links form a loop) [parse-error]',
      'generated/loop-b.yaml:1:1: note: Skipped generated/loop-b.yaml: it is a symbolic link that cannot be resolved (its target is missing, or the links form a loop) [parse-error]',
      'k8s/alias-bomb.yaml:10:10: note: Cannot read YAML: more than 1000 alias expansions (an alias bomb?); nothing in this document was checked [parse-error]',
      'k8s/tabs.yaml:6:1: note: Cannot parse YAML: Tabs are not allowed as indentation; nothing in this document was checked [parse-error]',
    ])
  })

  it('reports a broken IAM policy JSON once, with its line', () => {
    const lines = linesOf(result).filter((line) => line.startsWith('iam/broken-trust.json:'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^iam\/broken-trust\.json:8:\d+: /)
  })

  it('still reads every valid manifest, whatever its encoding, with the right lines', () => {
    const accounts = result.graph.facts.serviceAccounts.map(
      (account) =>
        `${account.location.path}:${account.location.line} ${account.name.kind === 'known' ? account.name.value : '?'} ${account.roleArn?.location.line}:${account.roleArn?.location.column}`,
    )
    expect(accounts.sort()).toEqual([
      'generated/bom.yaml:4 with-bom 7:33',
      'generated/crlf.yaml:4 with-crlf 7:33',
      'generated/utf16.yaml:4 with-utf16 7:33',
      'k8s/duplicate-keys.yaml:4 duplicate undefined:undefined',
      'k8s/service-account.yaml:5 survivor 8:33',
    ])
  })

  it('reads a duplicated key as kubectl apply does: the last value wins', () => {
    const duplicate = result.graph.facts.serviceAccounts.find(
      (account) => account.location.path === 'k8s/duplicate-keys.yaml',
    )
    expect(duplicate?.namespace).toMatchObject({ kind: 'known', value: 'billing', location: { line: 6 } })
  })
})
