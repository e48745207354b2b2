import type { CheckResult } from '../../src/check.js'
import { classify } from '../../src/discover/classify.js'
import type { Role } from '../../src/model/facts.js'
import type { Value } from '../../src/model/value.js'
import { readCloudFormationFile } from '../../src/sources/cloudformation/index.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'
import { fixture, linesOf, scan } from '../helpers.js'

afterAll(removeTempRepos)

const run = (name: string): Promise<CheckResult> => scan(fixture('cloudformation', name))
const show = (value: Value | undefined): string =>
  value === undefined
    ? '-'
    : value.kind === 'known'
      ? value.value
      : value.expression.includes('${')
        ? value.expression
        : `\${${value.expression}}`
const at = (value: { location: { path: string; line: number; column: number } } | undefined): string =>
  value ? `${value.location.path}:${value.location.line}:${value.location.column}` : '-'

function trustOf(role: Role): string[] {
  return (role.trustPolicy?.statements ?? []).flatMap((statement) => [
    ...(statement.principal?.entries ?? []).map((entry) => `${entry.type} ${entry.values.map(show).join(',')}`),
    ...(statement.condition?.entries ?? []).map(
      (entry) => `${entry.operator} ${show(entry.key)} = ${entry.values.map(show).join(',')}`,
    ),
  ])
}

/** Reads one template text the way the engine does, and shows the role trust policies it yields. */
function rolesOfTemplate(path: string, text: string): { roles: string[]; findings: string[] } {
  const result = readCloudFormationFile({ path, kind: 'cloudformation', text })
  return {
    roles: (result.facts.roles ?? []).map(
      (role) => `${role.label} name=${show(role.name)} | ${trustOf(role).join(' | ')}`,
    ),
    findings: result.findings.map((finding) => `${at(finding)} ${finding.ruleId}`),
  }
}

describe('CloudFormation and CDK templates', () => {
  it('classifies YAML and JSON templates (cdk.out included) apart from IAM JSON and Kubernetes', () => {
    expect(classify('cfn/stack.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n')).toBe('cloudformation')
    expect(classify('cfn/stack.yml', 'Resources:\n  R:\n    Type: AWS::IAM::Role\n')).toBe('cloudformation')
    expect(classify('cdk.out/App.template.json', '{"Resources": {"R": {"Type": "AWS::IAM::OIDCProvider"}}}')).toBe(
      'cloudformation',
    )
    expect(classify('role.json', '{"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}}}')).toBe(
      'iam-json',
    )
    expect(
      classify(
        'k8s/cm.yaml',
        'apiVersion: v1\nkind: ConfigMap\ndata:\n  t: |\n    Resources:\n      R:\n        Type: AWS::IAM::Role\n',
      ),
    ).toBe('kubernetes')
  })

  it('reads a template with an OIDC provider and roles (short tags, a whole-document Fn::Sub) without a finding', async () => {
    const result = await run('irsa-yaml')
    expect(linesOf(result)).toEqual([])
    const issuer = 'oidc.eks.eu-west-1.amazonaws.com/id/7C4A1E9B2D3F5A6B8C0D1E2F3A4B5C6D'
    const [orders, payments] = result.graph.facts.roles
    // The parameter's default fills the keys of the Fn::Sub document; the account stays unknown.
    expect(trustOf(orders!)).toEqual([
      `Federated arn:aws:iam::\${AWS::AccountId}:oidc-provider/${issuer}`,
      `StringEquals ${issuer}:sub = system:serviceaccount:shop:orders`,
      `StringEquals ${issuer}:aud = sts.amazonaws.com`,
    ])
    expect(at(orders!.trustPolicy!.statements[0]!.condition!.entries[0]!.values[0])).toBe('cfn/irsa.yaml:23:33')
    expect(orders!.permissions?.complete).toBe(false)
    expect(trustOf(payments!)).toEqual([
      'Federated ${cfn:cfn/irsa.yaml#ClusterOidcProvider.Arn}',
      `StringEquals ${issuer}:sub = system:serviceaccount:shop:payments`,
      `StringEquals ${issuer}:aud = sts.amazonaws.com`,
    ])
    expect([show(payments!.name), show(payments!.path), payments!.arnReferences.join()]).toEqual([
      'payments',
      '/shop/',
      'cfn:cfn/irsa.yaml#PaymentsRole.Arn,cfn-export:shop-payments-role-arn',
    ])
    expect(payments!.permissions).toMatchObject({
      complete: true,
      statements: [{ actions: [{ value: 'sqs:ReceiveMessage' }, { value: 'sqs:DeleteMessage' }] }],
    })
    expect(
      result.graph.facts.oidcProviders.map(
        (provider) => `${show(provider.url)} ${provider.clientIds.map(show).join()} ${at(provider)}`,
      ),
    ).toEqual([`https://${issuer} sts.amazonaws.com cfn/irsa.yaml:11:3`])
    // The role's Federated GetAtt is the provider of the template.
    expect(
      result.graph.providersNamed(payments!.trustPolicy!.statements[0]!.principal!.entries[0]!.values[0]!, payments!),
    ).toHaveLength(1)
  })

  it('reports intrinsic functions and ${} in condition keys, which CloudFormation never evaluates, on the key', async () => {
    expect(linesOf(await run('intrinsic-keys'))).toEqual([
      'cfn/literal.json:20:19: error: Condition key "${OidcProviderId}:sub" under StringEquals in IngestRole in cfn/literal.json holds "${…}" outside a Fn::Sub string: CloudFormation substitutes nothing in map keys, so IAM gets the literal text and no token ever carries that key; write the whole AssumeRolePolicyDocument as one Fn::Sub JSON string (keys and values substituted alike), use CDK CfnJson, or write the issuer host and path out in the key [condition-key-invalid]',
      'cfn/literal.json:21:19: error: Condition key "${OidcProviderId}:aud" under StringEquals in IngestRole in cfn/literal.json holds "${…}" outside a Fn::Sub string: CloudFormation substitutes nothing in map keys, so IAM gets the literal text and no token ever carries that key; write the whole AssumeRolePolicyDocument as one Fn::Sub JSON string (keys and values substituted alike), use CDK CfnJson, or write the issuer host and path out in the key [condition-key-invalid]',
      'cfn/short-form.yaml:19:17: error: Condition key !Sub "${OidcProviderId}:sub" under StringEquals in ExporterRole in cfn/short-form.yaml is an intrinsic function used as a map key, which CloudFormation rejects ("Template format error"); write the whole AssumeRolePolicyDocument as one Fn::Sub JSON string (keys and values substituted alike), use CDK CfnJson, or write the issuer host and path out in the key [condition-key-invalid]',
      // The Fn::Sub provider ARN names a cluster's OIDC provider, whose statement then has no :aud key either.
      'cfn/short-form.yaml:17:13: note: Statement[0] has no "<issuer host/path>:aud" condition; STS still checks the OIDC provider\'s client IDs, but AWS recommends adding "StringEquals": {"<issuer host/path>:aud": "sts.amazonaws.com"} [aud-condition-invalid]',
    ])
  })

  it('never reports what is known only at deploy time (parameters without default, conditions, imports)', async () => {
    const result = await run('unresolved')
    expect(linesOf(result)).toEqual([])
    const [app] = result.graph.facts.roles
    expect(result.graph.rolesOf(result.graph.facts.serviceAccounts[0]!).map((link) => link.role)).toEqual([app])
    expect(trustOf(app!)).toEqual([
      'Federated arn:${Fn::If(IsChina)}:iam::${AWS::AccountId}:oidc-provider/${Ref(OidcProviderId)}',
      'StringEquals oidc.eks.us-east-1.amazonaws.com/id/1D2C3B4A59687F6E5D4C3B2A1908F7E6:sub = system:serviceaccount:${Ref(Namespace)}:${Ref(ServiceAccountName)}',
      'StringEquals oidc.eks.us-east-1.amazonaws.com/id/1D2C3B4A59687F6E5D4C3B2A1908F7E6:aud = ${cfn-export:shared-audience}',
    ])
  })

  it('joins a Pod Identity association to the role it names with !GetAtt, and reads the EKS cluster', async () => {
    const result = await run('pod-identity')
    expect(linesOf(result)).toEqual([
      `cfn/pod-identity.yaml:12:13: error: CloudFormation role ReportsRole (cfn/pod-identity.yaml)'s trust, which the Pod Identity association (reports/reporter, cfn/pod-identity.yaml:13) uses, lets pods.eks.amazonaws.com perform sts:AssumeRole but not sts:TagSession, and EKS tags every Pod Identity session, so the pods get no credentials ("not authorized to perform: sts:TagSession"); add "sts:TagSession" to the Action of Statement[0] [pod-identity-trust-invalid]`,
      `cfn/pod-identity.yaml:9:13: note: CloudFormation role ReportsRole (cfn/pod-identity.yaml)'s trust lets pods.eks.amazonaws.com assume the role in Statement[0] without a condition, so any Pod Identity association in the account (any cluster, namespace or ServiceAccount) can give the role to its pods; add a Condition on aws:RequestTag/eks-cluster-name, aws:RequestTag/kubernetes-namespace and aws:RequestTag/kubernetes-service-account naming the associations meant to use it [pod-identity-trust-open]`,
    ])
    expect(
      result.graph.facts.clusters.map((cluster) => `${show(cluster.name)} issuer=${show(cluster.issuer)}`),
    ).toEqual(['analytics issuer=${cfn:cfn/pod-identity.yaml#Cluster.OpenIdConnectIssuerUrl}'])
  })

  it("reads CDK's synthesised template: its OIDC provider, CfnJson conditions and ServiceAccount manifest", async () => {
    const result = await run('cdk')
    expect(linesOf(result)).toEqual([])
    const [role] = result.graph.facts.roles
    const provider = 'cfn:cdk.out/ShopStack.template.json#ClusterOpenIdConnectProviderE7EB0530'
    expect(trustOf(role!)).toEqual([
      `Federated \${${provider}}`,
      `StringEquals \${issuer(${provider})}:aud = sts.amazonaws.com`,
      `StringEquals \${issuer(${provider})}:sub = system:serviceaccount:shop:orders`,
    ])
    const [sa] = result.graph.facts.serviceAccounts
    expect(`${show(sa!.namespace)}/${show(sa!.name)} ${show(sa!.roleArn)}`).toBe(
      'shop/orders ${cfn:cdk.out/ShopStack.template.json#OrdersServiceAccountRoleB3F1E0A2.Arn}',
    )
    expect(result.graph.rolesOf(sa!).map((link) => link.role)).toEqual([role])
  })

  it("decides a CDK role's CfnJson trust: a manifest ServiceAccount it does not name is refused", async () => {
    expect(linesOf(await run('cdk-renamed'), 'trust-denies-service-account')).toEqual([
      'cdk.out/ShopStack.template.json:78:25: error: ServiceAccount shop/orders-api (cdk.out/ShopStack.template.json:97) would be refused by CloudFormation role OrdersServiceAccountRoleB3F1E0A2 (cdk.out/ShopStack.template.json)\'s trust (cdk.out/ShopStack.template.json:78): StringEquals on "${issuer(cfn:cdk.out/ShopStack.template.json#ClusterOpenIdConnectProviderE7EB0530)}:sub" allows "system:serviceaccount:shop:orders", not "system:serviceaccount:shop:orders-api"; change the sub value to "system:serviceaccount:shop:orders-api" or rename the ServiceAccount to orders [trust-denies-service-account]',
    ])
  })

  it('evaluates Ref, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::If, Fn::FindInMap and AWS::NoValue where the template tells', () => {
    const template = [
      'Parameters:',
      '  Env: {Type: String, Default: prod}',
      '  Names: {Type: CommaDelimitedList, Default: "api, worker"}',
      'Mappings:',
      '  Issuers:',
      '    prod: {id: oidc.eks.cn-north-1.amazonaws.com.cn/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9}',
      'Conditions:',
      '  IsProd: !Equals [!Ref Env, prod]',
      '  IsStaging: !Not [!Condition IsProd]',
      'Resources:',
      '  R:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      RoleName: !Join ["-", [!Ref Env, !Select [1, !Ref Names], !If [IsStaging, staging, !Ref "AWS::NoValue"]]]',
      '      Path: !If [IsProd, !Sub "/${Env}/", /other/]',
      '      AssumeRolePolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal:',
      '              Federated: !Sub',
      '                - "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/${Id}"',
      '                - Id: !FindInMap [Issuers, !Ref Env, id]',
      '            Action: sts:AssumeRoleWithWebIdentity',
      '            Condition:',
      '              StringEquals:',
      '                "oidc.eks.cn-north-1.amazonaws.com.cn/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9:sub": !Sub "system:serviceaccount:${Env}:${!literal}"',
      '',
    ].join('\n')
    expect(rolesOfTemplate('t.yaml', template)).toEqual({
      roles: [
        'role prod-worker (R in t.yaml) name=prod-worker | Federated arn:aws-cn:iam::${AWS::AccountId}:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9 | StringEquals oidc.eks.cn-north-1.amazonaws.com.cn/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9:sub = system:serviceaccount:prod:${literal}',
      ],
      findings: [],
    })
  })

  it('never throws on bad templates: syntax errors, odd shapes, unknown functions, self-references', () => {
    const cases: [string, string][] = [
      ['a.yaml', 'Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties: [\n'],
      ['b.json', '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": 42}}}}'],
      [
        'c.json',
        '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": "{not json"}}}}',
      ],
      [
        'd.yaml',
        'Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: !GetAtt [R]\n      AssumeRolePolicyDocument: !Transform {Name: X}\n',
      ],
      [
        'e.yaml',
        'Conditions:\n  A: !Condition B\n  B: !Condition A\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: !If [A, x, y]\n      AssumeRolePolicyDocument: {Statement: !Base64 x}\n',
      ],
      ['f.json', '{"Resources": ['],
    ]
    expect(cases.map(([path, text]) => rolesOfTemplate(path, text))).toEqual([
      { roles: [], findings: ['a.yaml:4:17 parse-error'] },
      { roles: ['CloudFormation role R (b.json) name=- | '], findings: ['b.json:1:91 trust-policy-invalid'] },
      { roles: ['CloudFormation role R (c.json) name=- | '], findings: ['c.json:1:91 trust-policy-invalid'] },
      { roles: ['role ${Fn::GetAtt(R)} (R in d.yaml) name=${Fn::GetAtt(R)} | '], findings: [] },
      { roles: ['role ${Fn::If(A)} (R in e.yaml) name=${Fn::If(A)} | '], findings: [] },
      { roles: [], findings: ['f.json:1:16 parse-error'] },
    ])
  })

  it('is the reader of CloudFormation JSON handed to the IAM JSON source too (one reader)', async () => {
    const root = tempRepo({
      'role.json':
        '{"Type": "AWS::IAM::Role", "Properties": {"RoleName": "x", "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Federated": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/${P}"}}, "Action": "sts:AssumeRoleWithWebIdentity"}]}}}',
    })
    const result = await scan(root)
    expect(
      result.graph.facts.roles.map((role) => `${role.source} ${role.label} | ${trustOf(role).join(' | ')}`),
    ).toEqual(['cloudformation role x (role.json) | Federated arn:aws:iam::${AWS::AccountId}:oidc-provider/${Ref(P)}'])
  })
})
