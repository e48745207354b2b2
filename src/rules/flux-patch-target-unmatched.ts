import type { Rule } from './rule.js'

/**
 * Findings of this id come from the Kustomize source (sources/kustomize/flux.ts), which builds a
 * Flux Kustomization's spec.path; the rule exists for its metadata and configuration.
 */
export const fluxPatchTargetUnmatched: Rule = {
  meta: {
    id: 'flux-patch-target-unmatched',
    level: 'warning',
    description:
      'A patch of a Flux Kustomization has a `target` that selects none of the objects its spec.path builds, so Flux applies the objects unpatched (the role-arn annotation, name or namespace the patch sets never lands).',
    remediation:
      "Correct the target's kind, name, namespace or labelSelector so that it selects the object built from spec.path (names after the base's namePrefix/nameSuffix).",
  },
  *check() {},
}
