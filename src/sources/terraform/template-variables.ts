import type { DeployUnit, TemplateVariable } from '../../model/facts.js'
import type { ModuleInstance } from './module.js'
import { toFactValue, type HclValue } from './values.js'

/** A name envsubst replaces: `${NAME}` or `$NAME`. */
const ENVIRONMENT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Directories that hold a project's infrastructure code rather than name a part of it: the
 * Terraform of `lab/.workshop/terraform` or `app/terraform` belongs to `lab` or `app`, whose
 * manifests it fills (aws-samples/eks-workshop-v2 keeps each lab's outputs in
 * `manifests/modules/<lab>/.workshop/terraform/outputs.tf`).
 */
const INFRASTRUCTURE_DIRECTORY = /^(\..+|terraform|tf|infra|infrastructure|iac)$/i

/** The directory whose manifests a root module's outputs may fill: its own, less trailing infrastructure directories. */
export function outputScope(rootDirectory: string): string {
  const parts = rootDirectory === '' || rootDirectory === '.' ? [] : rootDirectory.split('/')
  while (parts.length > 0 && INFRASTRUCTURE_DIRECTORY.test(parts[parts.length - 1]!)) parts.pop()
  return parts.join('/')
}

/**
 * The root module's outputs as template variables: `output "carts_iam_role"` fills
 * `${CARTS_IAM_ROLE}`, and an output whose value is an object (a map of environment variables
 * the workshop exports to the shell) fills each of its keys. An output that cannot be evaluated
 * fills nothing.
 */
export function outputTemplateVariables(
  root: ModuleInstance,
  rootDirectory: string,
  unit: DeployUnit,
): TemplateVariable[] {
  const variables: TemplateVariable[] = []
  const scope = outputScope(rootDirectory)
  for (const [name, block] of root.outputBlocks()) {
    let value: HclValue
    try {
      value = root.output(name, block.location)
    } catch {
      continue
    }
    const label = `output "${name}" in ${rootDirectory === '' ? 'the root module' : rootDirectory}`
    const add = (variable: string, entry: HclValue): void => {
      const factValue = ENVIRONMENT_NAME.test(variable) ? toFactValue(entry) : undefined
      if (factValue)
        variables.push({
          source: 'terraform',
          unit,
          name: variable,
          value: factValue,
          location: block.location,
          scope,
          label,
        })
    }
    if (value.kind === 'object') {
      for (const entry of value.entries) if (entry.keyValue === undefined) add(entry.key, entry.value)
    } else add(name, value)
  }
  return variables
}
