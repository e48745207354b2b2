import { ruleLines } from '../helpers.js'

describe('helm-value-path-unused', () => {
  it('reports a ServiceAccount name or role-arn set at a path the modelled chart does not read, from helm_release set and values and from helm install --set', async () => {
    expect(await ruleLines('helm-value-path-unused', 'fires')).toEqual([
      "install.sh:3:10: warning: helm release argocd sets the role-arn annotation at serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn, which chart argo-cd does not read, so the value has no effect; its ServiceAccounts are set under controller.serviceAccount, server.serviceAccount, repoServer.serviceAccount, applicationSet.serviceAccount, notifications.serviceAccount, dex.serviceAccount (each with .annotations.eks\\.amazonaws\\.com/role-arn) [helm-value-path-unused]",
      'main.tf:8:5: warning: helm release cluster-autoscaler sets the ServiceAccount name at serviceAccount.name, which chart cluster-autoscaler does not read, so the value has no effect; it reads rbac.serviceAccount.name [helm-value-path-unused]',
      'main.tf:13:5: warning: helm release cluster-autoscaler sets the role-arn annotation at serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn, which chart cluster-autoscaler does not read, so the value has no effect; it reads rbac.serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn [helm-value-path-unused]',
      'main.tf:27:5: warning: helm release velero sets the role-arn annotation at serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn, which chart velero does not read, so the value has no effect; it reads serviceAccount.server.annotations.eks\\.amazonaws\\.com/role-arn [helm-value-path-unused]',
    ])
  })

  it('stays silent for the paths the chart reads and for charts it does not model', async () => {
    expect(await ruleLines('helm-value-path-unused', 'silent')).toEqual([])
  })

  it('follows the configured level, or none when off', async () => {
    expect(await ruleLines('helm-value-path-unused', 'fires', { rules: { 'helm-value-path-unused': 'off' } })).toEqual([])
  })
})
