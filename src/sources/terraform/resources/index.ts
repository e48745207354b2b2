import type { ResourceContext, ResourceReader } from '../context.js'
import { readEksAddon, readEksCluster, readFargateProfile, readNodeGroup, readPodIdentityAssociation } from './eks.js'
import { readHelmRelease } from './helm.js'
import { readIamRole, readOidcProvider } from './iam.js'
import {
  readIamPolicy,
  readIamPolicyData,
  readPolicyAttachment,
  readRolePoliciesExclusive,
  readRolePolicy,
  readRolePolicyAttachment,
  readRolePolicyAttachmentsExclusive,
} from './role-policies.js'
import {
  kubernetesWorkloadReader,
  readKubectlManifest,
  readKubernetesManifest,
  readKubernetesNamespace,
  readKubernetesServiceAccount,
} from './kubernetes.js'

const RESOURCE_READERS: Readonly<Record<string, ResourceReader>> = {
  aws_iam_role: readIamRole,
  aws_iam_openid_connect_provider: (context) => readOidcProvider(context),
  aws_iam_policy: readIamPolicy,
  aws_iam_role_policy: readRolePolicy,
  aws_iam_role_policy_attachment: readRolePolicyAttachment,
  aws_iam_policy_attachment: readPolicyAttachment,
  aws_iam_role_policies_exclusive: readRolePoliciesExclusive,
  aws_iam_role_policy_attachments_exclusive: readRolePolicyAttachmentsExclusive,
  aws_eks_cluster: readEksCluster,
  aws_eks_addon: readEksAddon,
  aws_eks_pod_identity_association: readPodIdentityAssociation,
  aws_eks_fargate_profile: readFargateProfile,
  aws_eks_node_group: readNodeGroup,
  kubernetes_service_account: readKubernetesServiceAccount,
  kubernetes_service_account_v1: readKubernetesServiceAccount,
  kubernetes_manifest: readKubernetesManifest,
  kubectl_manifest: readKubectlManifest,
  kubernetes_deployment: kubernetesWorkloadReader('Deployment'),
  kubernetes_deployment_v1: kubernetesWorkloadReader('Deployment'),
  kubernetes_stateful_set: kubernetesWorkloadReader('StatefulSet'),
  kubernetes_stateful_set_v1: kubernetesWorkloadReader('StatefulSet'),
  kubernetes_daemonset: kubernetesWorkloadReader('DaemonSet'),
  kubernetes_daemon_set_v1: kubernetesWorkloadReader('DaemonSet'),
  kubernetes_job: kubernetesWorkloadReader('Job'),
  kubernetes_job_v1: kubernetesWorkloadReader('Job'),
  kubernetes_cron_job: kubernetesWorkloadReader('CronJob'),
  kubernetes_cron_job_v1: kubernetesWorkloadReader('CronJob'),
  kubernetes_pod: kubernetesWorkloadReader('Pod'),
  kubernetes_pod_v1: kubernetesWorkloadReader('Pod'),
  kubernetes_replication_controller: kubernetesWorkloadReader('ReplicationController'),
  kubernetes_replication_controller_v1: kubernetesWorkloadReader('ReplicationController'),
  kubernetes_namespace: readKubernetesNamespace,
  kubernetes_namespace_v1: readKubernetesNamespace,
  helm_release: readHelmRelease,
}

const DATA_READERS: Readonly<Record<string, ResourceReader>> = {
  aws_eks_cluster: readEksCluster,
  aws_iam_openid_connect_provider: (context) => readOidcProvider(context, true),
  aws_iam_policy: readIamPolicyData,
}

/** Whether irsa-guard has a reader for resources (or data sources) of this type. */
export function hasReader(mode: 'resource' | 'data', type: string): boolean {
  return Object.hasOwn(mode === 'resource' ? RESOURCE_READERS : DATA_READERS, type)
}

/** Facts of one resource instance, for the types irsa-guard reads. */
export function readResource(type: string, context: ResourceContext): void {
  RESOURCE_READERS[type]?.(context)
}

/** Facts of one data source instance. */
export function readDataSource(type: string, context: ResourceContext): void {
  DATA_READERS[type]?.(context)
}
