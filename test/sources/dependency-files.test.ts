import type { CheckResult } from '../../src/check.js'
import { fixture, linesOf, scan } from '../helpers.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'

afterAll(removeTempRepos)

const irsaServiceAccount = [
  'apiVersion: v1',
  'kind: ServiceAccount',
  'metadata:',
  '  name: app',
  '  namespace: app',
  '  annotations:',
  '    eks.amazonaws.com/role-arn: arn:aws:iam::406214073512:role/app',
  '',
].join('\n')

/** Each SDK dependency fact as `path:line sdk package written range locked`. */
function sdkFacts(result: CheckResult): string[] {
  return (result.graph.facts.sdkDependencies ?? [])
    .map(
      (dependency) =>
        `${dependency.location.path}:${dependency.location.line} ${dependency.sdk} ${dependency.package} ${dependency.written} ${dependency.range ?? '?'} ${dependency.locked ? 'locked' : 'declared'}`,
    )
    .sort()
}

describe('SDK versions of manifests and lock files', () => {
  it('reads every lock file format with its resolved version and location', async () => {
    const result = await scan(fixture('rules', 'sdk-version-too-old', 'lock-files'))
    expect(sdkFacts(result)).toEqual([
      'tools/csproj/Exporter.csproj:3 dotnet AWSSDK.Core 3.3.100 3.3.100 declared',
      'tools/dotnet/packages.lock.json:13 dotnet AWSSDK.Core 3.7.0 3.7.0 locked',
      'tools/gradle/build.gradle.kts:2 java-v1 com.amazonaws:aws-java-sdk-s3 1.11.500 1.11.500 declared',
      'tools/gradle/build.gradle.kts:3 java-v1 com.amazonaws:aws-java-sdk-sts 1.11.500 1.11.500 declared',
      'tools/php/composer.lock:5 php-v3 aws/aws-sdk-php 3.100.0 3.100.0 locked',
      'tools/pipenv/Pipfile.lock:6 boto3 boto3 1.9.0 1.9.0 locked',
      'tools/pnpm/pnpm-lock.yaml:13 js-v2 aws-sdk 2.500.0 2.500.0 locked',
      'tools/poetry/poetry.lock:10 botocore botocore 1.12.100 1.12.100 locked',
      'tools/poetry/poetry.lock:2 boto3 boto3 1.9.100 1.9.100 locked',
      'tools/pyproject/pyproject.toml:11 botocore botocore ~1.12.100 >=1.12.100 <1.13.0-0 declared',
      'tools/pyproject/pyproject.toml:5 boto3 boto3 <1.9.200 <1.9.200 declared',
      'tools/ruby/Gemfile.lock:5 ruby-v3 aws-sdk-core 3.50.0 3.50.0 locked',
      'tools/shrinkwrap/npm-shrinkwrap.json:5 js-v2 aws-sdk 2.200.0 2.200.0 locked',
      'tools/uv/uv.lock:5 aws-cli-v1 awscli 1.16.100 1.16.100 locked',
      'tools/yarn-berry/yarn.lock:7 js-v3 @aws-sdk/client-s3 3.20.0 3.20.0 locked',
      'tools/yarn-classic/yarn.lock:5 js-v3 @aws-sdk/credential-provider-node 3.10.0 3.10.0 locked',
    ])
  })

  it('reads manifest ranges, Maven properties and BOMs, and skips dev-only lock entries', async () => {
    const result = await scan(fixture('rules', 'sdk-version-too-old', 'silent'))
    expect(sdkFacts(result)).toEqual([
      'services/billing/pom.xml:13 java-v2 software.amazon.awssdk:sqs 2.20.0 2.20.0 declared',
      'services/billing/pom.xml:18 java-v2 software.amazon.awssdk:sts 2.20.0 2.20.0 declared',
      'services/catalog/go.mod:6 go-v1 github.com/aws/aws-sdk-go v1.50.0 1.50.0 locked',
      'services/ledger/build.gradle:3 java-v2 software.amazon.awssdk:dynamodb 2.5.0 2.5.0 declared',
      'services/ledger/build.gradle:4 java-v2 software.amazon.awssdk:sts 2.5.0 2.5.0 declared',
      'services/legacy/pom.xml:13 java-v2 software.amazon.awssdk:sqs ${aws.version} ? declared',
      'services/legacy/pom.xml:18 java-v2 software.amazon.awssdk:sts ${aws.version} ? declared',
      'services/orders/package-lock.json:14 js-v2 aws-sdk 2.1600.0 2.1600.0 locked',
      'services/orders/package-lock.json:17 js-v2 aws-sdk 2.300.0 2.300.0 locked',
      'services/orders/package.json:5 js-v2 aws-sdk ^2.400.0 >=2.400.0 <3.0.0-0 declared',
      'services/reports/requirements.txt:2 boto3 boto3 >=1.9.0,<2 >=1.9.0 <2.0.0 declared',
      'services/reports/requirements.txt:3 botocore botocore ~=1.12 >=1.12.0 <2.0.0 declared',
      'services/search/package.json:4 js-v2 aws-sdk 2.400.0 2.400.0 declared',
      'services/search/yarn.lock:5 js-v2 aws-sdk 2.1600.0 2.1600.0 locked',
    ])
  })

  it('reports an unreadable dependency file as a located note and reads the others', async () => {
    const root = tempRepo({
      'k8s/app.yaml': irsaServiceAccount,
      'web/package-lock.json': '{"packages": {"node_modules/aws-sdk": {"version": "2.1.0"},}}',
      'jobs/poetry.lock': '[[package]]\nname = "boto3"\nversion = \n',
      'api/requirements.txt': 'boto3==1.9.0\n',
    })
    const result = await scan(root)
    expect(linesOf(result, 'parse-error')).toEqual([
      'jobs/poetry.lock:3:11: note: Cannot read the AWS SDK versions of jobs/poetry.lock: Invalid TOML document: invalid value [parse-error]',
      'web/package-lock.json:1:60: note: Cannot read the AWS SDK versions of web/package-lock.json: trailing comma before "}" [parse-error]',
    ])
    expect(linesOf(result, 'sdk-version-too-old')).toEqual([
      `api/requirements.txt:1:1: note: api/requirements.txt pins "boto3" at 1.9.0, Boto3: AWS lists 1.9.220 as the first version that reads the IRSA web identity token file and re-reads it when the kubelet rotates it, should it run in a pod with an IRSA ServiceAccount (this repository annotates ServiceAccounts with roles), its default credential chain skips the web identity token and falls back to the node's role (or fails once a cached token expires): upgrade "boto3" to 1.9.220 or later [sdk-version-too-old]`,
    ])
  })

  it('never reads node_modules or vendor, and says nothing of a lock file too large to read', async () => {
    const root = tempRepo({
      'k8s/app.yaml': irsaServiceAccount,
      'web/node_modules/old/package.json': '{"dependencies": {"aws-sdk": "2.1.0"}}',
      'api/vendor/github.com/x/go.mod': 'module x\n\nrequire github.com/aws/aws-sdk-go v1.1.0\n',
      'big/package-lock.json': `{"packages": {"node_modules/aws-sdk": {"version": "2.1.0"}}, "padding": "${'x'.repeat(4096)}"}`,
    })
    const result = await scan(root, { maxFileBytes: 1024 })
    expect(sdkFacts(result)).toEqual([])
    expect(linesOf(result)).toEqual([])
  })

  it('leaves a package.json without an AWS SDK to the other readers', async () => {
    const root = tempRepo({
      'k8s/app.yaml': irsaServiceAccount,
      'web/package.json': '{"dependencies": {"express": "4.18.2"}}',
    })
    const result = await scan(root)
    expect(result.graph.facts.sdkDependencies).toBeUndefined()
    expect(linesOf(result)).toEqual([])
  })
})
