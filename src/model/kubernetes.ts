/**
 * The ServiceAccount annotations the EKS Pod Identity Webhook reads (aws/amazon-eks-pod-identity-webhook
 * README, "eks.amazonaws.com/role-arn" and the annotations after it).
 */
export const ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn'
export const AUDIENCE_ANNOTATION = 'eks.amazonaws.com/audience'
export const TOKEN_EXPIRATION_ANNOTATION = 'eks.amazonaws.com/token-expiration'
export const STS_REGIONAL_ENDPOINTS_ANNOTATION = 'eks.amazonaws.com/sts-regional-endpoints'
export const SKIP_CONTAINERS_ANNOTATION = 'eks.amazonaws.com/skip-containers'

/** The namespace of an object that names none: whatever `kubectl apply -n`, Helm or Argo CD gives it (a symbolic value's expression). */
export const APPLY_NAMESPACE = 'namespace-of-apply'

/** Kinds kustomize does not give a namespace (cluster-scoped). */
export const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'APIService',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'IngressClass',
  'RuntimeClass',
  'Node',
  'CertificateSigningRequest',
  'PodSecurityPolicy',
  'ComponentStatus',
])
