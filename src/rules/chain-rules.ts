import { crossAccountChainBroken } from './cross-account-chain-broken.js'
import type { Rule } from './rule.js'

export const chainRules: Rule[] = [crossAccountChainBroken]
