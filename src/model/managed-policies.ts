import type { Value } from './value.js'

/**
 * What some AWS managed policies grant, from the AWS Managed Policy Reference Guide
 * (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/<name>.html, the policy's
 * "JSON policy document"). `execution`: only what a Fargate pod execution role is for, pulling
 * images from ECR and writing logs. `node`: networking a node needs (terraform-aws-eks attaches
 * AmazonEKS_CNI_Policy to Fargate roles by default), no application service. `application`:
 * services an application calls. A managed policy not listed here is unknown.
 */
export type ManagedPolicyUse = 'execution' | 'node' | 'application'

const MANAGED_POLICIES: ReadonlyMap<string, ManagedPolicyUse> = new Map([
  // ecr:GetAuthorizationToken, BatchCheckLayerAvailability, GetDownloadUrlForLayer, BatchGetImage.
  ['AmazonEKSFargatePodExecutionRolePolicy', 'execution'],
  // ecr:Get*, Describe*, List*, BatchGetImage and the like.
  ['AmazonEC2ContainerRegistryReadOnly', 'execution'],
  ['AmazonEC2ContainerRegistryPullOnly', 'execution'],
  // logs:* (with CloudWatch Logs Insights query generation).
  ['CloudWatchLogsFullAccess', 'execution'],
  ['CloudWatchLogsReadOnlyAccess', 'execution'],
  // ec2 network interface and address actions of the VPC CNI.
  ['AmazonEKS_CNI_Policy', 'node'],
  ['AdministratorAccess', 'application'],
  ['PowerUserAccess', 'application'],
  ['ReadOnlyAccess', 'application'],
  ['AmazonS3FullAccess', 'application'],
  ['AmazonS3ReadOnlyAccess', 'application'],
  ['AmazonDynamoDBFullAccess', 'application'],
  ['AmazonDynamoDBReadOnlyAccess', 'application'],
  ['AmazonSQSFullAccess', 'application'],
  ['AmazonSQSReadOnlyAccess', 'application'],
  ['AmazonSNSFullAccess', 'application'],
  ['AmazonSNSReadOnlyAccess', 'application'],
  ['SecretsManagerReadWrite', 'application'],
  ['AmazonSSMReadOnlyAccess', 'application'],
  ['AmazonSSMFullAccess', 'application'],
  ['AmazonKinesisFullAccess', 'application'],
  ['AmazonKinesisReadOnlyAccess', 'application'],
  ['AmazonRDSFullAccess', 'application'],
  ['AmazonRDSDataFullAccess', 'application'],
  ['AmazonSESFullAccess', 'application'],
  ['AmazonEventBridgeFullAccess', 'application'],
  ['AWSLambda_FullAccess', 'application'],
  ['AmazonBedrockFullAccess', 'application'],
])

/**
 * `arn:<partition>:iam::aws:policy/<path/><name>`: AWS's own policies live in the account `aws`. The
 * partition may be written as CloudFormation's `${AWS::Partition}` or Terraform's `aws_partition`.
 */
const AWS_MANAGED_ARN =
  /^arn:(?:aws[a-z-]*|\$\{AWS::Partition\}|\$\{data\.aws_partition\.[\w-]+\.partition\}):iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/

/** The name of the AWS managed policy with this ARN (`.../service-role/AmazonEBSCSIDriverPolicy` → AmazonEBSCSIDriverPolicy); undefined for any other. */
export function managedPolicyName(arn: Value): string | undefined {
  return AWS_MANAGED_ARN.exec(arn.kind === 'known' ? arn.value.trim() : arn.expression)?.[1]
}

/** What the AWS managed policy with this ARN grants, when the table knows it; undefined otherwise. */
export function managedPolicyUse(arn: Value): ManagedPolicyUse | undefined {
  const name = managedPolicyName(arn)
  return name === undefined ? undefined : MANAGED_POLICIES.get(name)
}
