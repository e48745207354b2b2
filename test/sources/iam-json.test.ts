import { readFileSync } from 'node:fs'
import type { CheckResult } from '../../src/check.js'
import { defaultConfig, type Config } from '../../src/config.js'
import type { Role } from '../../src/model/facts.js'
import type { Location } from '../../src/model/location.js'
import type { Value } from '../../src/model/value.js'
import { formatFindingLine } from '../../src/report/text.js'
import { iamJsonSource } from '../../src/sources/iam-json/index.js'
import { sourceContext, type SourceFile } from '../../src/sources/source.js'
import { fixture, scan } from '../helpers.js'

/** Runs the engine (discover → classify → sources → graph → rules) on __fixtures__/iam-json/<name>. */
function run(name: string, config: Partial<Config> = {}): Promise<CheckResult> {
  return scan(fixture('iam-json', name), config)
}

const at = (location: Location | undefined): string =>
  location ? `${location.path}:${location.line}:${location.column}` : '-'
const text = (value: Value | undefined): string =>
  value === undefined ? '-' : value.kind === 'known' ? value.value : `\${${value.expression}}`
const valueAt = (value: Value | undefined): string =>
  value === undefined ? '-' : `${text(value)}@${at(value.location)}`

/** One line per role: what the graph's rules see of it. */
function describeRole(role: Role): string {
  return [
    role.label,
    `source=${role.source}`,
    `at=${at(role.location)}`,
    `name=${valueAt(role.name)}`,
    `path=${valueAt(role.path)}`,
    `account=${valueAt(role.account)}`,
    `arn=${text(role.arn)}`,
    `trust=${role.trustPolicy ? role.trustPolicy.statements.length : '-'}`,
  ].join(' ')
}

function roles(result: CheckResult): string[] {
  return result.graph.facts.roles.map(describeRole)
}

function roleNamed(result: CheckResult, label: string): Role {
  const role = result.graph.facts.roles.find((candidate) => candidate.label === label)
  if (!role) throw new Error(`no role ${label} among ${roles(result).join('\n')}`)
  return role
}

function sourceFindings(result: CheckResult): string[] {
  return result.findings
    .filter((finding) => finding.ruleId === 'trust-policy-invalid' || finding.ruleId === 'parse-error')
    .map(formatFindingLine)
}

describe('plain trust-policy files bound by file name', () => {
  let result: CheckResult
  beforeAll(async () => {
    result = await run('file-names')
  })

  it('makes one role per trust policy, named after the file where the name is a role name', async () => {
    expect(roles(result)).toEqual([
      'role app-reader (iam/app-reader-trust.json) source=iam-json at=iam/app-reader-trust.json:1:1 name=app-reader@iam/app-reader-trust.json:1:1 path=- account=- arn=- trust=1',
      'role billing (iam/billing.trust.json) source=iam-json at=iam/billing.trust.json:1:1 name=billing@iam/billing.trust.json:1:1 path=- account=- arn=- trust=1',
      'role exporter (iam/exporter-trust-relationship.json) source=iam-json at=iam/exporter-trust-relationship.json:1:1 name=exporter@iam/exporter-trust-relationship.json:1:1 path=- account=- arn=- trust=1',
      'role ingest (iam/ingest-trust-policy.json) source=iam-json at=iam/ingest-trust-policy.json:1:1 name=ingest@iam/ingest-trust-policy.json:1:1 path=- account=- arn=- trust=1',
      'trust policy iam/irsa-trust.json source=iam-json at=iam/irsa-trust.json:1:1 name=- path=- account=- arn=- trust=1',
      'trust policy iam/trust-policy.json source=iam-json at=iam/trust-policy.json:1:1 name=- path=- account=- arn=- trust=1',
      'role uploader (iam/uploader.json) source=iam-json at=iam/uploader.json:1:1 name=uploader@iam/uploader.json:1:1 path=- account=- arn=- trust=1',
      'role worker (iam/worker_trust.json) source=iam-json at=iam/worker_trust.json:1:1 name=worker@iam/worker_trust.json:1:1 path=- account=- arn=- trust=1',
    ])
  })

  it('ignores permission policies, also one that allows sts:AssumeRole on a Resource, without a finding', async () => {
    expect(roles(result).some((line) => line.includes('s3-read-policy') || line.includes('assume-deploy-role'))).toBe(
      false,
    )
    expect(sourceFindings(result)).toEqual([])
  })

  it('records every element of the trust policy at its exact line and column', async () => {
    const document = roleNamed(result, 'role app-reader (iam/app-reader-trust.json)').trustPolicy!
    const file = 'iam/app-reader-trust.json'
    expect(document.origin).toBe(file)
    expect(at(document.location)).toBe(`${file}:1:1`)
    expect(valueAt(document.version)).toBe(`2012-10-17@${file}:2:14`)
    expect(document.hasStatement).toBe(true)
    expect(at(document.statementLocation)).toBe(`${file}:3:3`)
    expect(document.unknownKeys).toEqual([])
    expect(document.symbolicStatements).toBeUndefined()
    const [statement] = document.statements
    expect(document.statements).toHaveLength(1)
    expect(statement!.index).toBe(0)
    expect(at(statement!.location)).toBe(`${file}:4:5`)
    expect(valueAt(statement!.sid)).toBe(`Irsa@${file}:5:14`)
    expect(valueAt(statement!.effect)).toBe(`Allow@${file}:6:17`)
    expect(at(statement!.principal!.location)).toBe(`${file}:7:7`)
    expect(statement!.principal!.wildcard).toBeUndefined()
    expect(
      statement!.principal!.entries.map(
        (entry) => `${entry.type}@${at(entry.typeLocation)} ${entry.values.map(valueAt).join(' ')}`,
      ),
    ).toEqual([
      `Federated@${file}:8:9 arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C8E1F2A9B3D4E6F7A8B9C0D1E2F3A4B@${file}:8:22`,
    ])
    expect(at(statement!.action!.location)).toBe(`${file}:10:7`)
    expect(statement!.action!.values.map(valueAt)).toEqual([`sts:AssumeRoleWithWebIdentity@${file}:10:17`])
    expect(statement!.resource).toBeUndefined()
    expect(statement!.unknownKeys).toEqual([])
    expect(at(statement!.condition!.location)).toBe(`${file}:11:7`)
    expect(
      statement!.condition!.entries.map(
        (entry) =>
          `${entry.operator}@${at(entry.operatorLocation)} ${valueAt(entry.key)} key@${at(entry.keyLocation)} [${entry.values.map(valueAt).join(' ')}]@${at(entry.valuesLocation)}`,
      ),
    ).toEqual([
      `StringEquals@${file}:12:9 oidc.eks.eu-west-1.amazonaws.com/id/5C8E1F2A9B3D4E6F7A8B9C0D1E2F3A4B:sub@${file}:13:11 key@${file}:13:11 [system:serviceaccount:prod:app-reader@${file}:13:87]@${file}:13:87`,
      `StringEquals@${file}:12:9 oidc.eks.eu-west-1.amazonaws.com/id/5C8E1F2A9B3D4E6F7A8B9C0D1E2F3A4B:aud@${file}:14:11 key@${file}:14:11 [sts.amazonaws.com@${file}:14:87]@${file}:14:87`,
    ])
  })

  it('computes the minified length as IAM counts it (no whitespace outside strings)', async () => {
    const document = roleNamed(result, 'role app-reader (iam/app-reader-trust.json)').trustPolicy!
    const source = readFileSync(fixture('iam-json', 'file-names', 'iam', 'app-reader-trust.json'), 'utf8')
    expect(document.minifiedLength).toBe(JSON.stringify(JSON.parse(source)).length)
    expect(document.minifiedLength).toBe(489)
  })
})

describe('which plain policies are trust policies', () => {
  it('keeps trust policies (also one with a Resource or no Principal) and drops permission and resource policies', async () => {
    const result = await run('classification')
    expect(result.graph.facts.roles.map((role) => role.label)).toEqual([
      'role no-principal (policies/no-principal.json)',
      'role pod-identity (policies/pod-identity.json)',
      'role uploader (policies/uploader-trust.json)',
    ])
    // The grammar rule sees what the reader exposes: the missing Principal and the prohibited Resource.
    const grammar = result.findings.filter((finding) => finding.ruleId === 'trust-policy-invalid')
    expect(grammar.map((finding) => `${at(finding.location)} ${finding.level}`)).toEqual([
      'policies/no-principal.json:4:5 error',
      'policies/uploader-trust.json:8:7 error',
    ])
  })
})

describe('documents that carry their role', () => {
  it('reads aws iam get-role output: name, path, ARN, account and partition', async () => {
    const result = await run('get-role')
    expect(roles(result)).toEqual([
      'role node-exporter (aws/account-authorization-details.json) source=iam-json at=aws/account-authorization-details.json:3:5 name=node-exporter@aws/account-authorization-details.json:5:19 path=/@aws/account-authorization-details.json:4:15 account=210987654321@aws/account-authorization-details.json:6:14 arn=arn:aws:iam::210987654321:role/node-exporter trust=1',
      'role empty-role (aws/account-authorization-details.json) source=iam-json at=aws/account-authorization-details.json:22:5 name=empty-role@aws/account-authorization-details.json:24:19 path=/@aws/account-authorization-details.json:23:15 account=210987654321@aws/account-authorization-details.json:25:14 arn=arn:aws:iam::210987654321:role/empty-role trust=1',
      'role app-reader (aws/app-reader.json) source=iam-json at=aws/app-reader.json:2:13 name=app-reader@aws/app-reader.json:4:21 path=/irsa/@aws/app-reader.json:3:17 account=210987654321@aws/app-reader.json:6:16 arn=arn:aws:iam::210987654321:role/irsa/app-reader trust=1',
      'role batch-runner (aws/encoded-api-response.json) source=iam-json at=aws/encoded-api-response.json:2:11 name=batch-runner@aws/encoded-api-response.json:4:17 path=/@aws/encoded-api-response.json:3:13 account=310987654321@aws/encoded-api-response.json:5:12 arn=arn:aws-cn:iam::310987654321:role/batch-runner trust=1',
    ])
    expect(result.graph.facts.roles.map((role) => `${role.partition} ${role.permissionPolicyCount}`)).toEqual([
      'aws 1',
      'aws 0',
      'aws undefined',
      'aws-cn undefined',
    ])
    expect(sourceFindings(result)).toEqual([])
  })

  it('decodes a URL-encoded AssumeRolePolicyDocument and points its elements at the string', async () => {
    const role = roleNamed(await run('get-role'), 'role batch-runner (aws/encoded-api-response.json)')
    const statement = role.trustPolicy!.statements[0]!
    expect(valueAt(statement.principal!.entries[0]!.values[0])).toBe(
      'arn:aws-cn:iam::310987654321:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/9A8B7C6D5E4F3A2B1C0D9E8F7A6B5C4D@aws/encoded-api-response.json:6:33',
    )
    expect(
      statement.condition!.entries.map(
        (entry) => `${entry.operator} ${text(entry.key)} ${entry.values.map(text).join()}`,
      ),
    ).toEqual([
      'StringLike oidc.eks.cn-north-1.amazonaws.com.cn/id/9A8B7C6D5E4F3A2B1C0D9E8F7A6B5C4D:sub system:serviceaccount:jobs:*',
    ])
    expect(role.trustPolicy!.minifiedLength).toBe(381)
  })

  it('reads CloudFormation roles with intrinsic functions as references, and generated names', async () => {
    const result = await run('cloudformation')
    expect(roles(result)).toEqual([
      'role cfn-app (AppRole in cfn/irsa-template.json) source=cloudformation at=cfn/irsa-template.json:10:5 name=cfn-app@cfn/irsa-template.json:13:21 path=/irsa/@cfn/irsa-template.json:14:17 account=- arn=- trust=1',
      'CloudFormation role GeneratedRole (cfn/irsa-template.json) source=cloudformation at=cfn/irsa-template.json:34:5 name=- path=- account=- arn=- trust=1',
      'role ${Ref(RoleNameParameter)} (cfn/single-role.json) source=cloudformation at=cfn/single-role.json:1:1 name=${Ref(RoleNameParameter)}@cfn/single-role.json:4:17 path=- account=- arn=- trust=1',
    ])
    const app = roleNamed(result, 'role cfn-app (AppRole in cfn/irsa-template.json)')
    const statement = app.trustPolicy!.statements[0]!
    expect(app.trustPolicy!.origin).toBe('AppRole in cfn/irsa-template.json')
    expect(statement.principal!.entries[0]!.values.map(valueAt)).toEqual([
      '${arn:aws:iam::${AWS::AccountId}:oidc-provider/${Ref(OidcProvider)}}@cfn/irsa-template.json:21:30',
    ])
    expect(statement.condition!.entries[0]!.values.map(valueAt)).toEqual([
      'system:serviceaccount:prod:cfn-app@cfn/irsa-template.json:26:108',
    ])
    expect(app.trustPolicy!.minifiedLength).toBeUndefined()
    const generated = roleNamed(result, 'CloudFormation role GeneratedRole (cfn/irsa-template.json)')
    expect(valueAt(generated.generatedName?.prefix)).toBe(
      '${${AWS::StackName}-GeneratedRole-}@cfn/irsa-template.json:34:5',
    )
    expect(sourceFindings(result)).toEqual([])
  })

  it('reads create-role --cli-input-json input with the policy as a JSON string', async () => {
    const result = await run('create-role-input')
    expect(roles(result)).toEqual([
      'role cli-input-role (iam/role-input.json) source=iam-json at=iam/role-input.json:1:1 name=cli-input-role@iam/role-input.json:2:15 path=/teams/data/@iam/role-input.json:3:11 account=- arn=- trust=1',
    ])
    const statement = roleNamed(result, 'role cli-input-role (iam/role-input.json)').trustPolicy!.statements[0]!
    expect(
      statement.condition!.entries.map((entry) => `${valueAt(entry.key)} ${entry.values.map(valueAt).join()}`),
    ).toEqual([
      'oidc.eks.eu-west-1.amazonaws.com/id/5C8E1F2A9B3D4E6F7A8B9C0D1E2F3A4B:sub@iam/role-input.json:5:31 system:serviceaccount:data:loader@iam/role-input.json:5:31',
    ])
  })
})

describe('binding plain trust policies through create-role commands and the config', () => {
  it('binds files named by aws iam create-role in scripts, Makefiles and workflows; script before file name', async () => {
    expect(roles(await run('scripts'))).toEqual([
      'role legacy-v2 (iam/legacy-trust.json) source=iam-json at=iam/legacy-trust.json:1:1 name=legacy-v2@scripts/bootstrap.sh:17:52 path=- account=- arn=- trust=1',
      'role queue-consumer (policies/consumer/trust-policy.json) source=iam-json at=policies/consumer/trust-policy.json:1:1 name=queue-consumer@.github/workflows/deploy.yml:9:43 path=- account=- arn=- trust=1',
      'trust policy policies/dynamic/trust-policy.json source=iam-json at=policies/dynamic/trust-policy.json:1:1 name=- path=- account=- arn=- trust=1',
      'role s3-reader (policies/reader/trust-policy.json) source=iam-json at=policies/reader/trust-policy.json:1:1 name=s3-reader@scripts/bootstrap.sh:8:15 path=/irsa/@scripts/bootstrap.sh:9:10 account=- arn=- trust=1',
      'role shared-a (policies/shared/trust.json) source=iam-json at=policies/shared/trust.json:1:1 name=shared-a@scripts/bootstrap.sh:15:33 path=- account=- arn=- trust=1',
      'role shared-b (policies/shared/trust.json) source=iam-json at=policies/shared/trust.json:1:1 name=shared-b@scripts/bootstrap.sh:16:35 path=- account=- arn=- trust=1',
      'role s3-writer (policies/writer/trust-policy.json) source=iam-json at=policies/writer/trust-policy.json:1:1 name=s3-writer@Makefile:5:34 path=- account=- arn=- trust=1',
    ])
  })

  it('lets a roles: entry of the config win over scripts and file names, with its account and path', async () => {
    const config: Partial<Config> = {
      roles: [
        { file: './iam/trust.json', name: 'configured', account: '210987654321', path: '/team/' },
        { file: 'iam/other-trust.json', name: 'configured-other' },
      ],
    }
    expect(roles(await run('config', config))).toEqual([
      'role configured-other (iam/other-trust.json) source=iam-json at=iam/other-trust.json:1:1 name=configured-other@iam/other-trust.json:1:1 path=- account=- arn=- trust=1',
      'role plain (iam/plain-trust.json) source=iam-json at=iam/plain-trust.json:1:1 name=plain@iam/plain-trust.json:1:1 path=- account=- arn=- trust=1',
      'role configured (iam/trust.json) source=iam-json at=iam/trust.json:1:1 name=configured@iam/trust.json:1:1 path=/team/@iam/trust.json:1:1 account=210987654321@iam/trust.json:1:1 arn=- trust=1',
    ])
    expect(roles(await run('config')).find((line) => line.includes('iam/trust.json'))).toBe(
      'role script-name (iam/trust.json) source=iam-json at=iam/trust.json:1:1 name=script-name@scripts/roles.sh:1:33 path=- account=- arn=- trust=1',
    )
  })
})

describe('encodings', () => {
  let result: CheckResult
  beforeAll(async () => {
    result = await run('encodings')
  })
  const shape = (role: Role): string[] => {
    const statement = role.trustPolicy!.statements[0]!
    const parts = [
      role.trustPolicy!.version,
      statement.effect,
      ...statement.principal!.entries.flatMap((entry) => entry.values),
      ...statement.action!.values,
      ...statement.condition!.entries.flatMap((entry) => [entry.key, ...entry.values]),
    ]
    return parts.map((value) => `${value!.location.line}:${value!.location.column}`)
  }

  it('gives CRLF files the same lines and columns as LF files, and BOM files columns without the BOM', async () => {
    const crlf = roleNamed(result, 'role crlf (iam/crlf-trust.json)')
    const bom = roleNamed(result, 'role bom (iam/bom-trust.json)')
    const expected = ['2:14', '6:17', '8:22', '10:17', '13:11', '13:87', '14:11', '14:87']
    expect(shape(crlf)).toEqual(expected)
    expect(shape(bom)).toEqual(expected)
    expect(crlf.trustPolicy!.minifiedLength).toBe(489)
    expect(bom.trustPolicy!.minifiedLength).toBe(489)
  })

  it('reads raw CRLF and BOM text the same way when a caller hands it over undecoded', () => {
    const lf = readFileSync(fixture('iam-json', 'file-names', 'iam', 'app-reader-trust.json'), 'utf8')
    const files: SourceFile[] = [
      { path: 'iam/crlf-trust.json', kind: 'iam-json', text: lf.replace(/\n/g, '\r\n') },
      { path: 'iam/bom-trust.json', kind: 'iam-json', text: `\uFEFF${lf}` },
    ]
    const read = iamJsonSource.read(files, sourceContext({ config: defaultConfig(), files }))
    expect(read.findings).toEqual([])
    const expected = ['2:14', '6:17', '8:22', '10:17', '13:11', '13:87', '14:11', '14:87']
    expect(read.facts.roles!.map(shape)).toEqual([expected, expected])
  })

  it('reads tab-indented JSON, counting a tab as one column', async () => {
    expect(shape(roleNamed(result, 'role tabs (iam/tabs-trust.json)'))).toEqual([
      '2:13',
      '6:14',
      '8:18',
      '10:14',
      '13:6',
      '13:82',
      '14:6',
      '14:82',
    ])
    expect(sourceFindings(result)).toEqual([])
  })
})

describe('grammar problems only the text shows', () => {
  it('reports duplicate keys as trust-policy-invalid on the repeated key, and keeps reading', async () => {
    const result = await run('duplicate-keys')
    expect(sourceFindings(result)).toEqual([
      'iam/repeated-trust.json:8:7: error: Duplicate key "Effect" in Statement[0] of iam/repeated-trust.json (first at iam/repeated-trust.json:5): JSON readers keep only one of them, so the policy differs from what it looks like; merge or remove the duplicate [trust-policy-invalid]',
      'iam/repeated-trust.json:11:9: error: Duplicate key "StringEquals" in Statement[0].Condition of iam/repeated-trust.json (first at iam/repeated-trust.json:10): JSON readers keep only one of them, so the policy differs from what it looks like; merge or remove the duplicate [trust-policy-invalid]',
      'iam/webhook-sample-trust.json:11:26: error: Statement[0].Condition.__doc_comment in iam/webhook-sample-trust.json is the string "limit the role to one service account..."; an operator takes an object of condition keys such as {"<issuer>:sub": "system:serviceaccount:<namespace>:<name>"} [trust-policy-invalid]',
      'iam/webhook-sample-trust.json:15:9: error: Duplicate key "__doc_comment" in Statement[0].Condition of iam/webhook-sample-trust.json (first at iam/webhook-sample-trust.json:11): JSON readers keep only one of them, so the policy differs from what it looks like; merge or remove the duplicate [trust-policy-invalid]',
      'iam/webhook-sample-trust.json:15:26: error: Statement[0].Condition.__doc_comment in iam/webhook-sample-trust.json is the string "limit the role to a namespace (optional)"; an operator takes an object of condition keys such as {"<issuer>:sub": "system:serviceaccount:<namespace>:<name>"} [trust-policy-invalid]',
    ])
    const repeated = roleNamed(result, 'role repeated (iam/repeated-trust.json)').trustPolicy!.statements[0]!
    expect(valueAt(repeated.effect)).toBe('Allow@iam/repeated-trust.json:8:17')
    expect(
      repeated.condition!.entries.map(
        (entry) => `${entry.operator}@${entry.operatorLocation.line} ${text(entry.key).split(':').pop()}`,
      ),
    ).toEqual(['StringEquals@10 sub', 'StringEquals@11 aud'])
    const sample = roleNamed(result, 'role webhook-sample (iam/webhook-sample-trust.json)').trustPolicy!.statements[0]!
    expect(sample.condition!.entries.map((entry) => `${entry.operator} ${entry.values.map(text).join()}`)).toEqual([
      'StringEquals system:serviceaccount:default:my-app',
      'StringLike system:serviceaccount:default:*',
    ])
  })

  it('reports broken JSON with its line: trust-policy-invalid for a trust policy, parse-error for other JSON; the rest is still read', async () => {
    const result = await run('broken')
    expect(sourceFindings(result)).toEqual([
      'iam/bad-encoding.json:5:33: error: The AssumeRolePolicyDocument of iam/bad-encoding.json cannot be read: it looks URL-encoded but does not decode; IAM refuses it with "MalformedPolicyDocument: Syntax errors in policy" [trust-policy-invalid]',
      'iam/broken-trust.json:8:5: error: iam/broken-trust.json is not valid JSON: trailing comma before "}"; IAM refuses it with "MalformedPolicyDocument: Syntax errors in policy" [trust-policy-invalid]',
      'data/release-notes.json:3:3: note: Cannot parse data/release-notes.json as JSON: expected a property name in double quotes, found comment (JSON has no comments) [parse-error]',
    ])
    expect(roles(result)).toEqual([
      'role half-encoded (iam/bad-encoding.json) source=iam-json at=iam/bad-encoding.json:2:11 name=half-encoded@iam/bad-encoding.json:3:17 path=- account=210987654321@iam/bad-encoding.json:4:12 arn=arn:aws:iam::210987654321:role/half-encoded trust=-',
      'role ok (iam/ok-trust.json) source=iam-json at=iam/ok-trust.json:1:1 name=ok@iam/ok-trust.json:1:1 path=- account=- arn=- trust=1',
    ])
  })
})
