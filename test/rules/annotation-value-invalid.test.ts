import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('annotation-value-invalid', () => {
  it('reports empty audiences, unusable token lifetimes, non-boolean regional-endpoint values and unquoted values', async () => {
    expect(await ruleLines('annotation-value-invalid', 'fires')).toEqual([
      'k8s/service-accounts.yaml:8:33: warning: eks.amazonaws.com/audience of ServiceAccount media/empty-audience is empty: the webhook then projects a token for the API server\'s own audience, which STS refuses ("Incorrect token audience"); remove the annotation (the default is sts.amazonaws.com) or set the audience the trust policy expects [annotation-value-invalid]',
      'k8s/service-accounts.yaml:17:41: warning: eks.amazonaws.com/token-expiration "1h" of ServiceAccount media/hours is not a whole number of seconds the webhook parses, so it is ignored and the token keeps the default lifetime of 86400 seconds; write the lifetime in seconds, e.g. "3600" [annotation-value-invalid]',
      'k8s/service-accounts.yaml:26:41: warning: eks.amazonaws.com/token-expiration "300" of ServiceAccount media/too-short is below 600 seconds, so the webhook raises it to 600; write 600 or more [annotation-value-invalid]',
      'k8s/service-accounts.yaml:35:47: warning: eks.amazonaws.com/sts-regional-endpoints "yes" of ServiceAccount media/yes-please is not a boolean the webhook parses (Go strconv.ParseBool), so it is ignored; write "true" or "false" [annotation-value-invalid]',
      'k8s/service-accounts.yaml:44:47: warning: eks.amazonaws.com/sts-regional-endpoints "enabled" of ServiceAccount media/enabled is not a boolean the webhook parses (Go strconv.ParseBool), so it is ignored; write "true" or "false" [annotation-value-invalid]',
      'k8s/service-accounts.yaml:53:41: warning: eks.amazonaws.com/token-expiration of ServiceAccount media/unquoted is an unquoted number, but annotation values must be strings, so the API server rejects the object; quote it: eks.amazonaws.com/token-expiration: "3600" [annotation-value-invalid]',
      'k8s/service-accounts.yaml:54:47: warning: eks.amazonaws.com/sts-regional-endpoints of ServiceAccount media/unquoted is an unquoted boolean, but annotation values must be strings, so the API server rejects the object; quote it: eks.amazonaws.com/sts-regional-endpoints: "true" [annotation-value-invalid]',
      'k8s/workloads.yaml:15:45: warning: eks.amazonaws.com/token-expiration "90m" of the pod template of Deployment media/transcoder is not a whole number of seconds the webhook parses, so it is ignored and the token keeps the ServiceAccount\'s lifetime (86400 seconds by default); write the lifetime in seconds, e.g. "3600" [annotation-value-invalid]',
      'k8s/workloads.yaml:28:41: warning: eks.amazonaws.com/token-expiration "120" of Pod media/probe is below 600 seconds, so the webhook raises it to 600; write 600 or more [annotation-value-invalid]',
    ])
  })

  it('stays silent on values the webhook reads as written', async () => {
    const result = await scan(fixture('rules', 'annotation-value-invalid', 'silent'))
    expect(linesOf(result, 'annotation-value-invalid')).toEqual([])
    expect([result.graph.facts.serviceAccounts.length, result.graph.facts.workloads.length]).toEqual([3, 1])
  })
})
