import { iamJsonSource } from './iam-json.js'
import { kubernetesSource } from './kubernetes.js'
import type { Source } from './source.js'

export const allSources: readonly Source[] = [kubernetesSource, iamJsonSource]
