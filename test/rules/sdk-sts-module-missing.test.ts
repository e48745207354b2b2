import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('sdk-sts-module-missing', () => {
  it('reports Maven, Gradle and NuGet AWS SDK dependencies without the STS module, an error beside an IRSA workload', async () => {
    expect(await ruleLines('sdk-sts-module-missing', 'fires')).toEqual([
      'services/ledger/Ledger.csproj:6:5: error: services/ledger/Ledger.csproj depends on the AWS SDK for .NET ("AWSSDK.DynamoDBv2") but not on "AWSSDK.SecurityToken", the module the SDK needs to read the IRSA web identity token; without it the default credential chain skips web identity and falls back to the node\'s role, although Deployment ledger/ledger (services/ledger/k8s/ledger.yaml:12) in this service\'s directory runs as ServiceAccount ledger/ledger with an IRSA role: add "AWSSDK.SecurityToken" [sdk-sts-module-missing]',
      'services/orders/pom.xml:21:7: error: services/orders/pom.xml depends on the AWS SDK for Java 2.x ("software.amazon.awssdk:s3") but not on "software.amazon.awssdk:sts", the module the SDK needs to read the IRSA web identity token; without it the default credential chain skips web identity and falls back to the node\'s role, although Deployment orders/orders (services/orders/deploy/orders.yaml:12) in this service\'s directory runs as ServiceAccount orders/orders with an IRSA role: add "software.amazon.awssdk:sts" [sdk-sts-module-missing]',
      'services/billing/build.gradle.kts:7:20: warning: services/billing/build.gradle.kts depends on the AWS SDK for Java 1.x ("com.amazonaws:aws-java-sdk-sqs") but not on "com.amazonaws:aws-java-sdk-sts", the module the SDK needs to read the IRSA web identity token; without it the default credential chain skips web identity and falls back to the node\'s role, should it run in a pod with an IRSA ServiceAccount (this repository annotates ServiceAccounts with roles): add "com.amazonaws:aws-java-sdk-sts" [sdk-sts-module-missing]',
    ])
  })

  it('stays silent when the STS module or a bundle with it is a dependency', async () => {
    const result = await scan(fixture('rules', 'sdk-sts-module-missing', 'silent'))
    expect(linesOf(result, 'sdk-sts-module-missing')).toEqual([])
    expect(
      (result.graph.facts.buildFiles ?? []).map((buildFile) => [buildFile.location.path, buildFile.hasStsModule]),
    ).toEqual([
      ['services/billing/build.gradle.kts', true],
      ['services/ledger/Ledger.csproj', true],
      ['services/orders/pom.xml', true],
      ['services/reports/build.gradle', true],
    ])
  })

  it('says nothing in a repository without IRSA ServiceAccounts', async () => {
    const result = await scan(fixture('rules', 'sdk-sts-module-missing', 'fires'), { exclude: ['**/*.yaml'] })
    expect(linesOf(result, 'sdk-sts-module-missing')).toEqual([])
    expect((result.graph.facts.buildFiles ?? []).length).toBe(3)
  })
})
