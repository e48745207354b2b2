import { audConditionInvalid } from './aud-condition-invalid.js'
import { conditionFailsOpen } from './condition-fails-open.js'
import { conditionSetOperatorSingleValued } from './condition-set-operator-single-valued.js'
import type { Rule } from './rule.js'
import { subConditionBroad } from './sub-condition-broad.js'
import { subConditionMissing } from './sub-condition-missing.js'
import { subValueInvalid } from './sub-value-invalid.js'
import { subWildcardNeedsStringlike } from './sub-wildcard-needs-stringlike.js'

export const conditionRules: Rule[] = [
  subWildcardNeedsStringlike,
  subValueInvalid,
  subConditionMissing,
  subConditionBroad,
  conditionFailsOpen,
  conditionSetOperatorSingleValued,
  audConditionInvalid,
]
