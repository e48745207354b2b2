import { fargateExecutionRolePermissions } from './fargate-execution-role-permissions.js'
import { outpostsIrsaUnsupported } from './outposts-irsa-unsupported.js'
import { podIdentityPlatformUnsupported } from './pod-identity-platform-unsupported.js'
import { regionEnvMissing } from './region-env-missing.js'
import type { Rule } from './rule.js'
import { windowsNodeAffinityIrsa } from './windows-node-affinity-irsa.js'

/** Platforms that cannot run IRSA or EKS Pod Identity as configured (Outposts, Fargate, Windows, self-hosted webhooks). */
export const platformRules: Rule[] = [
  outpostsIrsaUnsupported,
  podIdentityPlatformUnsupported,
  windowsNodeAffinityIrsa,
  regionEnvMissing,
  fargateExecutionRolePermissions,
]
