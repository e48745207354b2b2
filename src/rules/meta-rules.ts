import { nothingScanned } from './nothing-scanned.js'
import { parseError } from './parse-error.js'
import type { Rule } from './rule.js'
import { suppressionReasonMissing } from './suppression-reason-missing.js'

export const metaRules: Rule[] = [parseError, nothingScanned, suppressionReasonMissing]
