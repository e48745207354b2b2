import { iamJsonSource } from './iam-json.js'
import { kubernetesSource } from './kubernetes.js'
import type { Source } from './source.js'
import { terraformPlanSource } from './terraform-plan.js'

export const allSources: readonly Source[] = [kubernetesSource, iamJsonSource, terraformPlanSource]
