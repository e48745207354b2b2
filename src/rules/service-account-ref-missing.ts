import { isNonEmpty, type NonEmpty } from '../collections.js'
import type { Graph } from '../graph.js'
import type { KubeObject, ServiceAccount, ServiceAccountRef } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation } from '../model/location.js'
import type { KnownValue } from '../model/value.js'
import type { Rule } from './rule.js'
import { roleTitle } from './helpers/correlation.js'
import { hasRoleArn, qualifiedName, valueText } from './helpers/kubernetes.js'
import { trustedSubjects, unitOf, type TrustedSubject } from './helpers/trusted-subjects.js'
import { mentionsName } from './helpers/kubernetes-names.js'

export const serviceAccountRefMissing: Rule = {
  meta: {
    id: 'service-account-ref-missing',
    level: 'warning',
    description:
      "A custom resource that authenticates to AWS as a named ServiceAccount (External Secrets SecretStore, ClusterSecretStore, ECR and STS generators: auth.jwt.serviceAccountRef) names one that has no eks.amazonaws.com/role-arn annotation, or one that no scanned source defines although its deploy unit defines or trusts that namespace's ServiceAccounts.",
    remediation:
      'Create the ServiceAccount with the role-arn annotation of the role that trusts it, or fix the serviceAccountRef name and namespace.',
  },
  *check(graph) {
    const renderedLater = graph.facts.serviceAccounts.filter(
      (sa) => sa.namespace.kind === 'symbolic' || sa.name.kind === 'symbolic',
    )
    for (const object of graph.facts.objects) {
      const written = object.serviceAccountRef
      if (written?.name.kind !== 'known' || written.namespace.kind !== 'known') continue
      const ref: KnownRef = { ...written, name: written.name, namespace: written.namespace }
      const namespace = ref.namespace.value
      const name = ref.name.value
      if (renderedLater.some((sa) => mayBe(sa, namespace, name))) continue
      const trusting = trustedSubjects(graph).get(`${namespace}/${name}`) ?? []
      const everywhere = graph.serviceAccountsNamed(ref.namespace, name)
      const defined = everywhere.filter((sa) => inUnitOf(object)(sa))
      // Defined only in another deploy unit: whether that one is what runs next to the store is not known.
      if (defined.length === 0 && everywhere.length > 0) continue
      const finding = isNonEmpty(defined)
        ? unannotated(object, ref, defined, trusting)
        : notDefined(graph, object, ref, namespace, trusting)
      if (finding) yield finding
    }
  },
}

type KnownRef = ServiceAccountRef & { name: KnownValue; namespace: KnownValue }

function unannotated(
  object: KubeObject,
  ref: KnownRef,
  defined: NonEmpty<ServiceAccount>,
  trusting: readonly TrustedSubject[],
): FindingDraft | undefined {
  if (defined.some(hasRoleArn)) return undefined
  const [sa] = defined
  return {
    location: ref.location,
    message: `${title(object)} authenticates as ServiceAccount ${ref.namespace.value}/${ref.name.value} (${formatLocation(sa.location)}), which has no eks.amazonaws.com/role-arn annotation: External Secrets refuses it ("an IAM role must be associated with service account"); annotate it with ${roleToAnnotate(trusting)}`,
    related: [{ location: sa.location, message: `ServiceAccount ${ref.namespace.value}/${ref.name.value}` }],
    key: `${title(object)} ref:${ref.namespace.value}/${ref.name.value} unannotated`,
  }
}

function notDefined(
  graph: Graph,
  object: KubeObject,
  ref: KnownRef,
  namespace: string,
  trusting: readonly TrustedSubject[],
): FindingDraft | undefined {
  if (!unitKnowsNamespace(graph, object, namespace)) return undefined
  // A command run at apply time may create it, and so may a chart or module the scan does not model that is given its name.
  const creators = (graph.facts.serviceAccountCreators ?? []).filter(inUnitOf(object))
  if (creators.some((creator) => creator.runsPrograms === true || mentionsName(creator.text, ref.name.value)))
    return undefined
  const trusted =
    trusting.length > 0
      ? ` although ${trusting.map((subject) => `${roleTitle(subject.role)} (${formatLocation(subject.value.location)})`).join(' and ')} ${trusting.length > 1 ? 'trust' : 'trusts'} it`
      : ''
  return {
    location: ref.location,
    message: `${title(object)} authenticates as ServiceAccount ${namespace}/${ref.name.value}, which no scanned source defines${trusted}; External Secrets cannot get its token until it exists: create it annotated with ${roleToAnnotate(trusting)}, or fix ${ref.field}`,
    related: trusting.map((subject) => ({
      location: subject.value.location,
      message: `${roleTitle(subject.role)} trusts ${namespace}/${ref.name.value}`,
    })),
    key: `${title(object)} ref:${namespace}/${ref.name.value} undefined`,
  }
}

/**
 * The deploy unit of the reference defines ServiceAccounts of that namespace, or trusts them in
 * a role: the scan sees where that namespace's IRSA ServiceAccounts come from.
 */
function unitKnowsNamespace(graph: Graph, object: KubeObject, namespace: string): boolean {
  const inUnit = inUnitOf(object)
  if (
    graph.facts.serviceAccounts.some(
      (sa) => inUnit(sa) && sa.namespace.kind === 'known' && sa.namespace.value === namespace,
    )
  )
    return true
  for (const subjects of trustedSubjects(graph).values()) {
    if (subjects.some((subject) => subject.namespace === namespace && inUnit(subject.role))) return true
  }
  return false
}

/** Facts of the object's deploy unit: its Terraform root, and plain files (which join across the repository). */
function inUnitOf(object: KubeObject): (fact: { terraform?: { root?: string } }) => boolean {
  const unit = unitOf(object)
  return (fact) => unitOf(fact) === unit || unitOf(fact) === ''
}

function roleToAnnotate(trusting: readonly TrustedSubject[]): string {
  const role = trusting[0]?.role
  if (!role) return 'the ARN of a role whose trust allows it'
  return role.arn?.kind === 'known' ? `"${role.arn.value}"` : `the ARN of ${roleTitle(role)}`
}

/** `ClusterSecretStore aws-secrets` (cluster-scoped), `SecretStore prod/params`. */
function title(object: KubeObject): string {
  return object.kind.startsWith('Cluster')
    ? `${object.kind} ${valueText(object.name)}`
    : `${object.kind} ${qualifiedName(object.namespace, object.name)}`
}

function mayBe(sa: ServiceAccount, namespace: string, name: string): boolean {
  const nameFits = sa.name.kind === 'symbolic' || sa.name.value === name
  const namespaceFits = sa.namespace.kind === 'symbolic' || sa.namespace.value === namespace
  return nameFits && namespaceFits
}
