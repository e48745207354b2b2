import { liveRuleLines } from '../live/helpers.js'

const id = 'live-role-without-permissions'

describe(id, () => {
  it('reports a role with neither attached nor inline policies once, at the first ServiceAccount naming it', async () => {
    expect(await liveRuleLines(id, 'fires')).toEqual([
      `k8s/service-accounts.yaml:7:33: warning: role payments-api in account 406214073512 has no permission policy, attached or inline (iam:ListAttachedRolePolicies, iam:ListRolePolicies): ServiceAccount payments/api (k8s/service-accounts.yaml:7) can assume it, but every AWS call it makes is denied; attach the policy the workload needs [${id}]`,
    ])
  })

  it('stays silent on a role with an inline policy only', async () => {
    expect(await liveRuleLines(id, 'silent')).toEqual([])
  })
})
