import { annotationKeyTypo } from './annotation-key-typo.js'
import { annotationValueInvalid } from './annotation-value-invalid.js'
import { annotationWrongObject } from './annotation-wrong-object.js'
import { roleArnInvalid } from './role-arn-invalid.js'
import { roleArnPlaceholder } from './role-arn-placeholder.js'
import type { Rule } from './rule.js'
import { workloadEnvBlocksInjection } from './workload-env-blocks-injection.js'
import { workloadServiceAccountMissing } from './workload-service-account-missing.js'
import { workloadRunsAsDefault } from './workload-runs-as-default.js'
import { controllerRoleNotAssumable } from './controller-role-not-assumable.js'
import { podIdentityServiceAccountMismatch } from './pod-identity-service-account-mismatch.js'
import { roleArnPartitionMismatch } from './role-arn-partition-mismatch.js'
import { sdkStsModuleMissing } from './sdk-sts-module-missing.js'
import { sdkVersionTooOld } from './sdk-version-too-old.js'
import { stsEndpointGlobal } from './sts-endpoint-global.js'
import { stsGlobalEndpointUnreachable } from './sts-global-endpoint-unreachable.js'
import { webhookSkipLabel } from './webhook-skip-label.js'
import { webhookDropsNativeSidecars } from './webhook-drops-native-sidecars.js'
import { selfHostedWebhookMissing } from './self-hosted-webhook-missing.js'
import { podAnnotationMisplaced } from './pod-annotation-misplaced.js'
import { workloadHostNetwork } from './workload-host-network.js'
import { injectedSidecarNotMutated } from './injected-sidecar-not-mutated.js'
import { workloadTokenUnreadable } from './workload-token-unreadable.js'
import { serviceAccountRefMissing } from './service-account-ref-missing.js'
import { serviceAccountNameInvalid } from './service-account-name-invalid.js'

export const serviceAccountRules: Rule[] = [
  roleArnInvalid,
  roleArnPartitionMismatch,
  roleArnPlaceholder,
  annotationKeyTypo,
  annotationWrongObject,
  annotationValueInvalid,
  serviceAccountNameInvalid,
  workloadServiceAccountMissing,
  workloadRunsAsDefault,
  controllerRoleNotAssumable,
  podIdentityServiceAccountMismatch,
  sdkStsModuleMissing,
  sdkVersionTooOld,
  stsEndpointGlobal,
  stsGlobalEndpointUnreachable,
  webhookSkipLabel,
  webhookDropsNativeSidecars,
  selfHostedWebhookMissing,
  podAnnotationMisplaced,
  workloadHostNetwork,
  injectedSidecarNotMutated,
  workloadTokenUnreadable,
  serviceAccountRefMissing,
  workloadEnvBlocksInjection,
]
