/** The AWS SDKs whose version irsa-guard reads from build and lock files. */
export type SdkId =
  | 'java-v2'
  | 'java-v1'
  | 'go-v1'
  | 'boto3'
  | 'botocore'
  | 'aws-cli-v1'
  | 'js-v2'
  | 'js-v3'
  | 'ruby-v3'
  | 'php-v3'
  | 'dotnet'

export interface SdkMinimum {
  title: string
  /** The first version that reads the IRSA web identity token file; undefined when no package version says it. */
  irsa?: string
  /** The first version with the container credential provider EKS Pod Identity needs. */
  podIdentity?: string
}

/**
 * AWS, "Use IRSA with the AWS SDK" (awsdocs/amazon-eks-user-guide
 * latest/ug/manage-access/aws-access/iam-roles-for-service-accounts-minimum-sdk.adoc, commit 385c8cd) and
 * "Use pod identity with the AWS SDK" (pod-id-minimum-sdk.adoc, commit 49a45ad). The .NET numbers
 * of both pages (3.3.659.1, 3.7.734.0) are the versions of the whole SDK's download, which no NuGet
 * package carries (aws/aws-sdk-net discussion #3214): Pod Identity came with AWSSDK.Core 3.7.302,
 * the IRSA minimum has no AWSSDK.Core number, so it stays unknown. The Go v2 modules are versioned
 * one by one, so "release-2023-11-14" is no module version; the Go v2 SDK is not compared.
 */
export const SDK_MINIMUMS: Readonly<Record<SdkId, SdkMinimum>> = {
  'java-v2': { title: 'AWS SDK for Java 2.x', irsa: '2.10.11', podIdentity: '2.21.30' },
  'java-v1': { title: 'AWS SDK for Java 1.x', irsa: '1.11.704', podIdentity: '1.12.746' },
  'go-v1': { title: 'AWS SDK for Go v1', irsa: '1.23.13', podIdentity: '1.47.11' },
  boto3: { title: 'Boto3', irsa: '1.9.220', podIdentity: '1.34.41' },
  botocore: { title: 'botocore', irsa: '1.12.200', podIdentity: '1.34.41' },
  'aws-cli-v1': { title: 'AWS CLI v1', irsa: '1.16.232', podIdentity: '1.30.0' },
  'js-v2': { title: 'AWS SDK for JavaScript v2', irsa: '2.525.0', podIdentity: '2.1550.0' },
  'js-v3': { title: 'AWS SDK for JavaScript v3', irsa: '3.27.0', podIdentity: '3.458.0' },
  'ruby-v3': { title: 'AWS SDK for Ruby v3 (aws-sdk-core)', irsa: '3.58.0', podIdentity: '3.188.0' },
  'php-v3': { title: 'AWS SDK for PHP v3', irsa: '3.110.7', podIdentity: '3.287.1' },
  dotnet: { title: 'AWS SDK for .NET (AWSSDK.Core)', podIdentity: '3.7.302' },
}
