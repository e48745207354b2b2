import { formatLocation } from '../model/location.js'
import { checkToken, describeServiceAccount, failureKind, refusal, serviceAccountKey } from './helpers/correlation.js'
import {
  allKnownClusters,
  deployedRole,
  deployedRoleTitle,
  liveObservations,
  liveServiceAccounts,
  refusalPhrase,
  repositoryTrusts,
} from './helpers/live.js'
import type { Rule } from './rule.js'
import { hasRefusedName } from './helpers/kubernetes-names.js'
import { serviceAccountSubject } from '../model/service-account-subject.js'

export const liveTrustDeniesServiceAccount: Rule = {
  meta: {
    id: 'live-trust-denies-service-account',
    level: 'error',
    description:
      "The trust policy deployed on the role (iam:GetRole) refuses the token of a ServiceAccount that names it, although the repository's trust for the role accepts it or the repository does not define the role.",
    remediation:
      "Apply the repository's trust policy to the role, or change the deployed trust so that it accepts the ServiceAccount.",
  },
  *check(graph, context) {
    const observations = liveObservations(graph)
    if (!observations) return
    const clusters = allKnownClusters(graph, context.config, observations)
    for (const { sa, target, lookup } of liveServiceAccounts(graph, observations)) {
      if (hasRefusedName(sa)) continue
      const role = deployedRole(target, lookup)
      const check = role && checkToken(sa, role, clusters)
      const found = check && refusal(check)
      if (!check || !found) continue
      // An issuer that is not the cluster's is live-cluster-issuer-mismatch's finding.
      if (
        !found.deniedBy &&
        found.failures.length > 0 &&
        found.failures.every((failure) => failureKind(failure) === 'principal') &&
        check.cluster
      )
        continue
      const repository = repositoryTrusts(graph, sa)
      // When the repository's trust refuses the token too, trust-denies-service-account says what to change there.
      if (repository.some((each) => checkToken(sa, each, clusters)?.effect === 'deny')) continue
      const accepting = repository.find((each) => checkToken(sa, each, clusters)?.effect === 'allow')
      const subject = serviceAccountSubject(check.namespace, check.name)
      const why = refusalPhrase(found, { sub: subject, aud: check.audience.audience })
      const fix = accepting
        ? `the repository's trust (${formatLocation(accepting.trustPolicy.location)}) accepts it, so the deployed trust differs: apply the repository's trust to the role`
        : `change the role's trust to accept "${subject}" with audience "${check.audience.audience}"`
      yield {
        location: target.location,
        message: `${describeServiceAccount(sa)} would be refused by the deployed trust of ${deployedRoleTitle(lookup)} (iam:GetRole): ${why}; ${fix}`,
        related: accepting
          ? [{ location: accepting.trustPolicy.location, message: `the repository's trust of role ${lookup.name}` }]
          : [],
        key: `${serviceAccountKey(sa)} role:${lookup.account}/${lookup.name.toLowerCase()}`,
      }
    }
  },
}
