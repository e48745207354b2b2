import type { CalledModule } from '../context.js'
import type { ModuleCallRequest } from '../module.js'
import { BlueprintsAddonModule } from './eks-blueprints-addon.js'
import { AssumableRoleWithOidcModule } from './iam-assumable-role-with-oidc.js'
import { EksModule } from './eks.js'
import { IrsaRoleModule } from './iam-role-for-service-accounts.js'

/** terraform-aws-iam's IRSA role module: `…-eks` up to v5, renamed without the suffix in v6. */
const IRSA_ROLE_SOURCE = /terraform-aws-modules\/(?:iam\/aws|terraform-aws-iam(?:\.git)?)\/\/modules\/iam-role-for-service-accounts(-eks)?\/?(?:[?#].*)?$/
/** terraform-aws-iam's older OIDC role module (v4, v5; removed in v6). */
const ASSUMABLE_ROLE_WITH_OIDC_SOURCE = /terraform-aws-modules\/(?:iam\/aws|terraform-aws-iam(?:\.git)?)\/\/modules\/iam-assumable-role-with-oidc\/?(?:[?#].*)?$/
/** terraform-aws-eks, the root module only. */
const EKS_SOURCE = /terraform-aws-modules\/(?:eks\/aws|terraform-aws-eks(?:\.git)?)\/?(?:[?#].*)?$/

/** aws-ia/terraform-aws-eks-blueprints-addon, from the registry or GitHub. */
const BLUEPRINTS_ADDON_SOURCE = /^(?:aws-ia\/eks-blueprints-addon\/aws|(?:git::https:\/\/|https:\/\/)?github\.com\/aws-ia\/terraform-aws-eks-blueprints-addon(?:\.git)?)\/?(?:[?#].*)?$/

/**
 * Registry modules whose behaviour irsa-guard knows without their source: the IRSA role module
 * (its generated trust, naming and outputs) and the EKS module (its OIDC provider and outputs).
 * Any other remote module is opaque: its outputs are references.
 */
export function registryModule(call: ModuleCallRequest): CalledModule | undefined {
  const source = call.source.trim()
  const irsa = IRSA_ROLE_SOURCE.exec(source)
  if (irsa) return new IrsaRoleModule(call, irsa[1] ? 5 : 6, majorVersion(call))
  if (ASSUMABLE_ROLE_WITH_OIDC_SOURCE.test(source)) {
    const major = majorVersion(call)
    // v3 and older name the outputs this_iam_role_*; not read, so opaque.
    if (major === undefined || major === 4 || major === 5) return new AssumableRoleWithOidcModule(call)
    return undefined
  }
  if (EKS_SOURCE.test(source)) return new EksModule(call, majorVersion(call))
  // 1.x only: a later major version may change what the module creates.
  if (BLUEPRINTS_ADDON_SOURCE.test(source) && (majorVersion(call) ?? 1) === 1) return new BlueprintsAddonModule(call)
  return undefined
}

/** The major version a `version` constraint (`~> 5.0`, `>= 20.0, < 21.0`, `6.1.0`) or a git `?ref=v5.39.0` selects. */
export function majorVersion(call: Pick<ModuleCallRequest, 'source' | 'version'>): number | undefined {
  const constraint = call.version ?? /[?&]ref=([^&#]+)/.exec(call.source)?.[1]
  const match = constraint ? /^\s*(?:~>|>=|=|\^|>)?\s*v?(\d+)/.exec(constraint) : undefined
  return match ? Number(match[1]) : undefined
}
