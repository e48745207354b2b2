/** A ServiceAccount an EKS add-on creates and runs as. */
export interface AddonServiceAccount {
  namespace: string
  name: string
}

/**
 * The ServiceAccounts an EKS add-on annotates with the role given as its service account role
 * (`aws_eks_addon.service_account_role_arn`, eksctl `addons[].serviceAccountRoleARN`,
 * CloudFormation `AWS::EKS::Addon` `ServiceAccountRoleArn`). The names are fixed by the add-on:
 * a trust policy must accept exactly these. Only the ServiceAccount the add-on's documented IRSA
 * role is for is listed (the EBS add-on annotates the controller's, not ebs-csi-node-sa:
 * aws/containers-roadmap#2248).
 *
 * Sources (Amazon EKS User Guide, each add-on's "Required IAM permissions", where the role is made
 * with `eksctl create iamserviceaccount --name <name> --namespace <namespace>`):
 * - vpc-cni: kube-system/aws-node (cni-iam-role.html; eksctl v0.230.0 pkg/actions/addon/create.go
 *   `awsNodeServiceAccount`, the only add-on eksctl knows the ServiceAccount of)
 * - aws-ebs-csi-driver: kube-system/ebs-csi-controller-sa (ebs-csi.html)
 * - aws-efs-csi-driver: kube-system/efs-csi-controller-sa (efs-csi.html)
 * - aws-fsx-csi-driver: kube-system/fsx-csi-controller-sa (fsx-csi-create.html)
 * - aws-mountpoint-s3-csi-driver: kube-system/s3-csi-driver-sa (mountpoint-for-s3-add-on.html)
 * - amazon-cloudwatch-observability: amazon-cloudwatch/cloudwatch-agent (amazon-cloudwatch-observability.html)
 * An add-on not in this table annotates ServiceAccounts irsa-guard cannot name.
 */
export const ADDON_SERVICE_ACCOUNTS: Readonly<Record<string, readonly AddonServiceAccount[]>> = {
  'vpc-cni': [{ namespace: 'kube-system', name: 'aws-node' }],
  'aws-ebs-csi-driver': [{ namespace: 'kube-system', name: 'ebs-csi-controller-sa' }],
  'aws-efs-csi-driver': [{ namespace: 'kube-system', name: 'efs-csi-controller-sa' }],
  'aws-fsx-csi-driver': [{ namespace: 'kube-system', name: 'fsx-csi-controller-sa' }],
  'aws-mountpoint-s3-csi-driver': [{ namespace: 'kube-system', name: 's3-csi-driver-sa' }],
  'amazon-cloudwatch-observability': [{ namespace: 'amazon-cloudwatch', name: 'cloudwatch-agent' }],
}

/** The ServiceAccounts of an add-on by its name as EKS takes it (case-insensitive, as eksctl's CanonicalName), or undefined when unknown. */
export function addonServiceAccounts(addon: string): readonly AddonServiceAccount[] | undefined {
  const key = addon.toLowerCase()
  return Object.hasOwn(ADDON_SERVICE_ACCOUNTS, key) ? ADDON_SERVICE_ACCOUNTS[key] : undefined
}
