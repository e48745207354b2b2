import { AUDITOR_ROLE, AwsState } from './servers/index.js'
import { ACCOUNT, ISSUER, trustFor } from './world.js'

/** The second account of the end-to-end repository (role data-loader) and its auditor role. */
export const DATA_ACCOUNT = '111122224444'
export const DATA_AUDITOR = `arn:aws:iam::${DATA_ACCOUNT}:role/irsa-guard-auditor`
export const EDGE_ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/C4D5E6F708192A3B4C5D6E7F8091A2B3'
const POLICY = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'

/** The action inputs of the end-to-end runs (besides `live`). */
export const E2E_INPUTS = {
  'aws-region': 'eu-central-1',
  'role-to-assume': AUDITOR_ROLE,
  clusters: `prod ${ACCOUNT} eu-central-1\nedge ${ACCOUNT} eu-west-1`,
  'account-roles': `${DATA_ACCOUNT}=${DATA_AUDITOR}`,
}

/**
 * The accounts behind __fixtures__/live/e2e: matching it, or broken in five ways — payments-api's
 * trust broadened in the console, reports-exporter deleted, search-indexer without policies, the
 * edge cluster's provider without sts.amazonaws.com, and no provider in the data account.
 */
export function e2eAccounts(broken: boolean): AwsState {
  const state = new AwsState()
  const role = (account: string, name: string, trust: unknown, attachedPolicies = [POLICY]) =>
    state.roles.push({ account, name, path: '/', trust, attachedPolicies, inlinePolicies: [] })
  const payments = trustFor([{ namespace: 'payments', name: 'api' }])
  if (broken) {
    const statement = (payments.Statement as { Condition: Record<string, Record<string, string>> }[])[0]!
    statement.Condition = {
      StringLike: { [`${ISSUER}:sub`]: 'system:serviceaccount:payments:*' },
      StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' },
    }
  }
  role(ACCOUNT, 'payments-api', payments)
  if (!broken) role(ACCOUNT, 'reports-exporter', trustFor([{ namespace: 'reports', name: 'exporter' }]))
  role(ACCOUNT, 'search-indexer', trustFor([{ namespace: 'search', name: 'indexer' }]), broken ? [] : [POLICY])
  role(ACCOUNT, 'edge-cache', trustFor([{ namespace: 'edge', name: 'cache' }], ACCOUNT, EDGE_ISSUER))
  role(DATA_ACCOUNT, 'data-loader', trustFor([{ namespace: 'data', name: 'loader' }], DATA_ACCOUNT))
  state.providers.push({ account: ACCOUNT, url: ISSUER, clientIds: ['sts.amazonaws.com'] })
  state.providers.push({
    account: ACCOUNT,
    url: EDGE_ISSUER,
    clientIds: broken ? ['sts.amazon.com'] : ['sts.amazonaws.com'],
  })
  if (!broken) state.providers.push({ account: DATA_ACCOUNT, url: ISSUER, clientIds: ['sts.amazonaws.com'] })
  state.clusters.push({ account: ACCOUNT, region: 'eu-central-1', name: 'prod', issuer: `https://${ISSUER}` })
  state.clusters.push({ account: ACCOUNT, region: 'eu-west-1', name: 'edge', issuer: `https://${EDGE_ISSUER}` })
  state.assumableRoles.add(DATA_AUDITOR)
  return state
}
