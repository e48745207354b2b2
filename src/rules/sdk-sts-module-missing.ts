import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { irsaWorkloadBuiltBy } from './helpers/build-files.js'
import { hasRoleArn, objectTitle, quoted, serviceAccountTitle } from './helpers/kubernetes.js'

export const sdkStsModuleMissing: Rule = {
  meta: {
    id: 'sdk-sts-module-missing',
    level: 'error',
    description:
      "A Java (pom.xml, build.gradle) or .NET (*.csproj) build file depends on the AWS SDK without its STS module (software.amazon.awssdk:sts, aws-java-sdk-sts, AWSSDK.SecurityToken), which the SDK needs to use the IRSA web identity token: an error when the build file's directory holds a workload with an IRSA ServiceAccount, a warning when the repository only uses IRSA elsewhere.",
    remediation: "Add the STS module of the SDK to the build file's dependencies.",
  },
  *check(graph) {
    const buildFiles = graph.facts.buildFiles ?? []
    if (buildFiles.length === 0 || !graph.facts.serviceAccounts.some(hasRoleArn)) return
    for (const buildFile of buildFiles) {
      if (buildFile.hasStsModule) continue
      // A parent pom or shared Gradle script may bring the module to every project of the repository.
      const elsewhere = buildFiles.find((other) => other.sdk === buildFile.sdk && other.hasStsModule)
      if (elsewhere) continue
      const missing = `${buildFile.location.path} depends on the ${buildFile.sdk} (${quoted(buildFile.dependency.name)}) but not on ${quoted(buildFile.stsModule)}, the module the SDK needs to read the IRSA web identity token; without it the default credential chain skips web identity and falls back to the node's role`
      const tied = irsaWorkloadBuiltBy(graph, buildFile.location.path)
      if (tied) {
        const sa = graph.serviceAccountsOf(tied).find(hasRoleArn)!
        yield {
          location: buildFile.dependency.location,
          message: `${missing}, although ${objectTitle(tied)} (${formatLocation(tied.location)}) in this service's directory runs as ${serviceAccountTitle(sa)} with an IRSA role: add ${quoted(buildFile.stsModule)}`,
          related: [{ location: tied.location, message: `${objectTitle(tied)}, with an IRSA ServiceAccount` }],
          key: `${buildFile.location.path} sts`,
        }
        continue
      }
      yield {
        location: buildFile.dependency.location,
        level: 'warning',
        message: `${missing}, should it run in a pod with an IRSA ServiceAccount (this repository annotates ServiceAccounts with roles): add ${quoted(buildFile.stsModule)}`,
        key: `${buildFile.location.path} sts`,
      }
    }
  },
}
