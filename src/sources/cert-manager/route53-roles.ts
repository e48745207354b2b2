import type { AssumedRole } from '../../model/facts.js'
import { child, type TreeNode } from '../../model/tree.js'

/**
 * The roles a cert-manager Issuer or ClusterIssuer asks cert-manager to assume with sts:AssumeRole
 * for Route53 DNS-01 challenges: `spec.acme.solvers[].dns01.route53.role`, when the solver gives no
 * `auth.kubernetes.serviceAccountRef` (then cert-manager calls AssumeRoleWithWebIdentity with that
 * ServiceAccount's token instead). cert-manager makes the call with its own credentials (ambient,
 * from its pod's IRSA role, or the solver's access keys), so the role's trust must let an AWS
 * principal assume it. https://cert-manager.io/docs/configuration/acme/dns01/route53/ ("Cross
 * Account Access", "IAM role trust policy"; cert-manager v1.15+).
 */
export function route53AssumedRoles(root: TreeNode, apiVersion: string, kind: string): AssumedRole[] {
  if (!apiVersion.startsWith('cert-manager.io/') || (kind !== 'Issuer' && kind !== 'ClusterIssuer')) return []
  const solvers = child(child(child(root, 'spec'), 'acme'), 'solvers')
  if (solvers?.kind !== 'array') return []
  const roles: AssumedRole[] = []
  solvers.items.forEach((solver, index) => {
    const route53 = child(child(solver, 'dns01'), 'route53')
    const role =
      route53?.kind === 'object' ? route53.entries.filter((candidate) => candidate.key === 'role').pop() : undefined
    if (
      !role ||
      role.value.kind !== 'scalar' ||
      child(child(child(route53, 'auth'), 'kubernetes'), 'serviceAccountRef') !== undefined
    )
      return
    roles.push({
      roleArn: role.value.value,
      location: role.value.location,
      field: `spec.acme.solvers[${index}].dns01.route53.role`,
      by: 'cert-manager',
    })
  })
  return roles
}
