import { awsProfilesSource } from './aws-profiles/index.js'
import { buildFilesSource } from './build-files/index.js'
import { cloudFormationSource } from './cloudformation/index.js'
import { eksctlSource } from './eksctl/index.js'
import { helmSource } from './helm/index.js'
import { iamJsonSource } from './iam-json/index.js'
import { kubernetesSource } from './kubernetes/index.js'
import { kustomizeSource } from './kustomize/index.js'
import { scriptSource } from './shell/index.js'
import type { Source } from './source.js'
import { terraformSource } from './terraform/index.js'
import { terraformPlanSource } from './terraform-plan/index.js'

/**
 * Kustomize (and Helm) run before the Kubernetes source: the files their builds consume are not read
 * again on their own. The AWS profile reader comes first: it reads ConfigMaps and workloads wherever
 * they are, consumed by a build or not. Terraform runs before the Kubernetes and IAM JSON sources:
 * a trust policy or manifest a resource reads with `file()` is that resource's, read once.
 */
export const allSources: readonly Source[] = [
  awsProfilesSource,
  kustomizeSource,
  helmSource,
  terraformSource,
  kubernetesSource,
  cloudFormationSource,
  iamJsonSource,
  eksctlSource,
  terraformPlanSource,
  scriptSource,
  buildFilesSource,
]
