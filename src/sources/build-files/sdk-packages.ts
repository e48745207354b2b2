import type { SdkId } from '../../model/sdk-minimums.js'

/**
 * The packages that carry an SDK's version. JavaScript v3 packages are released one by one, so only
 * the clients and the credential providers, which every release regenerates, stand for the SDK.
 */
export function npmSdk(name: string): SdkId | undefined {
  if (name === 'aws-sdk') return 'js-v2'
  if (
    name.startsWith('@aws-sdk/client-') ||
    name === '@aws-sdk/credential-provider-node' ||
    name === '@aws-sdk/credential-providers'
  )
    return 'js-v3'
  return undefined
}

export function pythonSdk(name: string): SdkId | undefined {
  const normalised = name.toLowerCase().replace(/[-_.]+/g, '-')
  if (normalised === 'boto3') return 'boto3'
  if (normalised === 'botocore') return 'botocore'
  if (normalised === 'awscli') return 'aws-cli-v1'
  return undefined
}

export function goSdk(module: string): SdkId | undefined {
  return module === 'github.com/aws/aws-sdk-go' ? 'go-v1' : undefined
}

/** aws-sdk-core 2.x is the Ruby SDK v2, which the AWS page does not list: only 3.x is compared. */
export function rubySdk(name: string, version: string): SdkId | undefined {
  return name === 'aws-sdk-core' && /^3\./.test(version) ? 'ruby-v3' : undefined
}

export function phpSdk(name: string): SdkId | undefined {
  return name.toLowerCase() === 'aws/aws-sdk-php' ? 'php-v3' : undefined
}

/** Java 1.x artifacts are aws-java-sdk-*: other com.amazonaws artifacts (Lambda, KCL, X-Ray) have versions of their own. */
export function javaSdk(group: string, artifact: string): SdkId | undefined {
  if (group === 'software.amazon.awssdk') return 'java-v2'
  if (group === 'com.amazonaws' && /^aws-java-sdk(-|$)/.test(artifact)) return 'java-v1'
  return undefined
}

export function nugetSdk(name: string): SdkId | undefined {
  return name.toLowerCase() === 'awssdk.core' ? 'dotnet' : undefined
}
