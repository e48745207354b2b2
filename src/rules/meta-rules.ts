import { fluxPatchTargetUnmatched } from './flux-patch-target-unmatched.js'
import { nothingScanned } from './nothing-scanned.js'
import { parseError } from './parse-error.js'
import type { Rule } from './rule.js'
import { suppressionExpired } from './suppression-expired.js'
import { suppressionReasonMissing } from './suppression-reason-missing.js'
import { terraformReferenceUndeclared } from './terraform-reference-undeclared.js'

export const metaRules: Rule[] = [
  parseError,
  terraformReferenceUndeclared,
  fluxPatchTargetUnmatched,
  nothingScanned,
  suppressionReasonMissing,
  suppressionExpired,
]
