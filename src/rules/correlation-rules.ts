import { audienceMismatch } from './audience-mismatch.js'
import { clusterIssuerMismatch } from './cluster-issuer-mismatch.js'
import { duplicateTrustSubject } from './duplicate-trust-subject.js'
import { helmServiceAccountNameUnpinned } from './helm-service-account-name-unpinned.js'
import { helmValuePathUnused } from './helm-value-path-unused.js'
import { roleAccountMismatch } from './role-account-mismatch.js'
import { roleAccountDiffersFromCluster } from './role-account-differs-from-cluster.js'
import { roleNotFound } from './role-not-found.js'
import { roleTrustsUnknownServiceAccount } from './role-trusts-unknown-service-account.js'
import type { Rule } from './rule.js'
import { trustDeniesServiceAccount } from './trust-denies-service-account.js'

export const correlationRules: Rule[] = [
  trustDeniesServiceAccount,
  roleNotFound,
  roleAccountMismatch,
  roleAccountDiffersFromCluster,
  audienceMismatch,
  roleTrustsUnknownServiceAccount,
  duplicateTrustSubject,
  clusterIssuerMismatch,
  helmServiceAccountNameUnpinned,
  helmValuePathUnused,
]
