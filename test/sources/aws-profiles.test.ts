import type { CheckResult } from '../../src/check.js'
import { classify, looksRelevantByName } from '../../src/discover/classify.js'
import type { AwsConfigFile, AwsProfile } from '../../src/model/facts.js'
import { parseAwsConfig } from '../../src/sources/aws-profiles/aws-config-ini.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'
import { fixture, linesOf, scan } from '../helpers.js'

afterAll(removeTempRepos)

const run = (name: string): Promise<CheckResult> => scan(fixture('aws-profiles', name))
const at = (location: { path: string; line: number; column: number } | undefined): string =>
  location ? `${location.path}:${location.line}:${location.column}` : '-'

function describeProfile(profile: AwsProfile): string {
  const parts = [`[${profile.name}]@${at(profile.location)}`]
  if (profile.roleArn?.kind === 'known') parts.push(`role_arn=${profile.roleArn.value}@${at(profile.roleArn.location)}`)
  if (profile.webIdentityTokenFile?.kind === 'known') parts.push(`token=${profile.webIdentityTokenFile.value}`)
  if (profile.sourceProfile) parts.push(`source=${profile.sourceProfile}@${at(profile.sourceProfileLocation)}`)
  if (profile.externalId?.kind === 'known') parts.push(`external_id=${profile.externalId.value}`)
  return parts.join(' ')
}

function readersOf(result: CheckResult): string[] {
  const files = new Set(
    result.graph.facts.awsProfiles.flatMap((profile) => (profile.configFile ? [profile.configFile] : [])),
  )
  return [...files].flatMap((file) =>
    file.readers.map((reader) => {
      const name = reader.workload.name.kind === 'known' ? reader.workload.name.value : '?'
      const profile = reader.profile?.kind === 'known' ? reader.profile.value : 'default'
      return `${file.label} <- ${reader.workload.kind} ${name} container ${reader.container} profile ${profile}`
    }),
  )
}

describe('AWS shared config files', () => {
  it('finds them by name, and by their settings in YAML that is not a manifest', () => {
    expect(['app/.aws/config', 'deploy/aws-config', 'aws_config.ini'].every(looksRelevantByName)).toBe(true)
    expect(classify('app/.aws/config', '[default]\n')).toBe('aws-config')
    expect(
      classify('charts/x/values.yaml', 'aws: |\n  [profile a]\n  role_arn = arn:aws:iam::210987654321:role/a\n'),
    ).toBe('aws-config')
    expect(classify('charts/x/values.yaml', 'replicaCount: 2\n')).toBe('ignored')
  })

  it('reads profiles, their settings and where each is written; nested settings and other sections are not profiles', () => {
    const file: AwsConfigFile = { label: 'config', location: { path: 'config', line: 1, column: 1 }, readers: [] }
    const text = [
      '; comment',
      '[default]',
      'region = eu-west-1',
      '[profile b]',
      '  source_profile = a',
      'ROLE_ARN=arn:aws:iam::587694120342:role/b',
      's3 =',
      '  role_arn = nested',
      'external_id = x-1',
      '[sso-session corp]',
      'role_arn = arn:aws:iam::1:role/not-a-profile',
      '[a]',
      'web_identity_token_file=/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
      'credential_source = Environment',
    ].join('\r\n')
    const profiles = parseAwsConfig(
      text,
      (line, column) => ({ path: 'config', line: line + 1, column: column + 1 }),
      'aws-config',
      file,
    )
    expect(profiles.map(describeProfile)).toEqual([
      '[default]@config:2:1',
      '[b]@config:4:1 role_arn=arn:aws:iam::587694120342:role/b@config:6:10 source=a@config:5:20 external_id=x-1',
      '[a]@config:12:1 token=/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
    ])
    expect(profiles[2]!.credentialSource).toMatchObject({ value: 'Environment' })
    expect(profiles.every((profile) => profile.configFile === file)).toBe(true)
  })

  it('ties a repository config file to the container that selects one of its profiles, and checks the chain with its external_id', async () => {
    const result = await run('baked')
    expect(linesOf(result)).toEqual([])
    expect(result.graph.facts.awsProfiles.map(describeProfile)).toEqual([
      '[default]@app/.aws/config:2:1',
      '[warehouse]@app/.aws/config:5:1 role_arn=arn:aws:iam::587694120342:role/warehouse-reader@app/.aws/config:7:12 source=cluster@app/.aws/config:6:18 external_id=reports-7f3a',
      '[cluster]@app/.aws/config:13:1 role_arn=arn:aws:iam::210987654321:role/reports@app/.aws/config:15:12 token=/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
    ])
    expect(readersOf(result)).toEqual(['app/.aws/config <- Deployment reports container app profile warehouse'])
  })

  it('refuses the hop when the next role requires an ExternalId the profile does not send', async () => {
    const root = tempRepo({
      '.aws/config':
        '[profile target]\nsource_profile = web\nrole_arn = arn:aws:iam::587694120342:role/target\n\n[profile web]\nweb_identity_token_file = /var/run/secrets/eks.amazonaws.com/serviceaccount/token\nrole_arn = arn:aws:iam::210987654321:role/web\n',
      'target-trust.json':
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "x-1"}}}]}',
    })
    expect(linesOf(await scan(root), 'cross-account-chain-broken')).toEqual([
      'target-trust.json:1:194: error: Role target\'s trust (target-trust.json:1) does not let the role of profile "web" assume it: StringEquals on sts:ExternalId expects "x-1" but role arn:aws:iam::210987654321:role/web has no such key; profile "target" (.aws/config:3) fails with AccessDenied on sts:AssumeRole; set external_id in profile "target" to the value the trust expects [cross-account-chain-broken]',
    ])
  })

  it('reads config text quoted in Helm values, line by line, and checks its chain without a workload', async () => {
    const result = await run('helm-values')
    expect(result.graph.facts.awsProfiles.map(describeProfile)).toEqual([
      '[warehouse]@charts/reports/values.yaml:9:5 role_arn=arn:aws:iam::587694120342:role/warehouse-reader@charts/reports/values.yaml:11:16 source=cluster@charts/reports/values.yaml:10:22',
      '[cluster]@charts/reports/values.yaml:13:5 role_arn=arn:aws:iam::210987654321:role/reports@charts/reports/values.yaml:15:16 token=/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
    ])
    expect(linesOf(result)).toEqual([
      'warehouse-reader-trust.json:6:7: error: Role warehouse-reader\'s trust (warehouse-reader-trust.json:6) does not let the role of profile "cluster" assume it: it trusts "arn:aws:iam::210987654321:role/analytics", not role "arn:aws:iam::210987654321:role/reports" (account 210987654321); profile "warehouse" (charts/reports/values.yaml:11) fails with AccessDenied on sts:AssumeRole; add "arn:aws:iam::210987654321:role/reports" (or "arn:aws:iam::210987654321:root") as an AWS principal allowed sts:AssumeRole [cross-account-chain-broken]',
    ])
  })

  it('decodes Secret data and follows projected volumes with items to the path in AWS_CONFIG_FILE', async () => {
    const result = await run('secret-data')
    expect(linesOf(result)).toEqual([])
    // Base64 text has no lines of its own in the file: every profile is placed at the value.
    expect(result.graph.facts.awsProfiles.map(describeProfile)).toEqual([
      '[target]@k8s/billing.yaml:8:15 role_arn=arn:aws:iam::587694120342:role/billing-export@k8s/billing.yaml:8:15 source=web@k8s/billing.yaml:8:15',
      '[web]@k8s/billing.yaml:8:15 role_arn=arn:aws:iam::210987654321:role/billing@k8s/billing.yaml:8:15 token=/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
    ])
    expect(readersOf(result)).toEqual([
      'Secret billing/billing-aws key "aws-config" (k8s/billing.yaml) <- Deployment billing-export container export profile target',
    ])
  })

  it('ignores a mount at another path than AWS_CONFIG_FILE, other namespaces, and ConfigMaps without profiles', async () => {
    const configMap = (namespace: string, data: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws\n  namespace: ${namespace}\ndata:\n  config: |\n${data.replace(/^/gm, '    ')}\n`
    const chain =
      '[profile b]\nsource_profile = a\nrole_arn = arn:aws:iam::587694120342:role/b\n[profile a]\nweb_identity_token_file = /var/run/secrets/eks.amazonaws.com/serviceaccount/token\nrole_arn = arn:aws:iam::210987654321:role/a'
    const deployment = (name: string, namespace: string, env: string, mountPath: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env: [${env}]\n          volumeMounts: [{name: aws, mountPath: ${mountPath}}]\n      volumes: [{name: aws, configMap: {name: aws}}]\n`
    const root = tempRepo({
      'a.yaml': configMap('team-a', chain),
      'b.yaml': configMap('team-b', 'region = eu-west-1\n'),
      'c.yaml': [
        deployment('elsewhere', 'team-a', '{name: AWS_CONFIG_FILE, value: /etc/aws/config}', '/opt/aws'),
        deployment('other-namespace', 'team-c', '', '/root/.aws'),
        deployment('home', 'team-a', '{name: AWS_PROFILE, value: b}', '/home/app/.aws'),
      ].join('---\n'),
    })
    const result = await scan(root)
    expect(readersOf(result)).toEqual([
      'ConfigMap team-a/aws key "config" (a.yaml) <- Deployment home container app profile b',
    ])
    expect(result.graph.facts.awsProfiles.map((profile) => `${profile.name}@${at(profile.location)}`)).toEqual([
      'b@a.yaml:8:5',
      'a@a.yaml:11:5',
    ])
  })
})
