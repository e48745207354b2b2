/**
 * Custom resources whose controller authenticates to AWS as a ServiceAccount the resource names:
 * the controller requests that ServiceAccount's token and assumes the role of its
 * `eks.amazonaws.com/role-arn` annotation, so the ServiceAccount must exist and carry the role.
 *
 * External Secrets Operator (external-secrets/external-secrets, pkg/provider/aws/auth/auth.go,
 * credsFromServiceAccount, at commit b013fdec): the store's `auth.jwt.serviceAccountRef`; without the
 * annotation it fails with "an IAM role must be associated with service account". The ref's
 * namespace counts only for a ClusterSecretStore, which without one uses each ExternalSecret's
 * namespace; a SecretStore and a generator (NewGeneratorSession) use their own namespace.
 *
 * Not listed because the ServiceAccount there does not carry the role: the Secrets Store CSI
 * driver's SecretProviderClass (the pod's own ServiceAccount), cert-manager's Route53
 * `auth.kubernetes.serviceAccountRef` (the role is the solver's `role` field), Karpenter's
 * EC2NodeClass (a node role).
 */
export interface ServiceAccountRefField {
  path: readonly string[]
  /** `object`: the object's own namespace; `ref`: the ref's `namespace`, else each use's. */
  namespace: 'object' | 'ref'
}

const STORE_PATH = ['spec', 'provider', 'aws', 'auth', 'jwt', 'serviceAccountRef']
const GENERATOR_PATH = ['spec', 'auth', 'jwt', 'serviceAccountRef']

const FIELDS: Readonly<Record<string, ServiceAccountRefField>> = {
  'external-secrets.io SecretStore': { path: STORE_PATH, namespace: 'object' },
  'external-secrets.io ClusterSecretStore': { path: STORE_PATH, namespace: 'ref' },
  'generators.external-secrets.io ECRAuthorizationToken': { path: GENERATOR_PATH, namespace: 'object' },
  'generators.external-secrets.io STSSessionToken': { path: GENERATOR_PATH, namespace: 'object' },
}

/** Where an object of this apiVersion and kind names its ServiceAccount, if it is one of those above. */
export function serviceAccountRefField(apiVersion: string, kind: string): ServiceAccountRefField | undefined {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : ''
  return FIELDS[`${group} ${kind}`]
}

/** The symbolic namespace of a ClusterSecretStore ref without one: each ExternalSecret's. */
export const EACH_USER_NAMESPACE = 'namespace-of-each-external-secret'
