import type { PermissionStatement, RolePermissions } from '../../model/facts.js'
import { child, type ObjectNode, type TreeNode } from '../../model/tree.js'

/**
 * Adds the statements of one permission (identity-based) policy document to a role's permissions.
 * A document that cannot be read statement by statement (a reference, a bad shape) makes them
 * incomplete: what it allows is then unknown.
 */
export function addPermissionDocument(permissions: RolePermissions, document: TreeNode | undefined): void {
  const statements = child(document, 'Statement')
  const items = statements?.kind === 'array' ? statements.items : statements ? [statements] : []
  if (document?.kind !== 'object' || !statements || items.some((item) => item.kind !== 'object')) {
    permissions.complete = false
    return
  }
  for (const item of items) permissions.statements.push(permissionStatement(item as ObjectNode))
}

function permissionStatement(node: ObjectNode): PermissionStatement {
  const statement: PermissionStatement = {
    location: node.location,
    conditional: child(node, 'Condition') !== undefined,
  }
  const effect = child(node, 'Effect')
  if (effect?.kind === 'scalar') statement.effect = effect.value
  for (const [key, field] of [
    ['Action', 'actions'],
    ['NotAction', 'notActions'],
    ['Resource', 'resources'],
    ['NotResource', 'notResources'],
  ] as const) {
    const element = child(node, key)
    if (!element) continue
    statement[field] =
      element.kind === 'array'
        ? element.items.flatMap((item) => (item.kind === 'scalar' ? [item.value] : []))
        : element.kind === 'scalar'
          ? [element.value]
          : []
    // An element that is neither a string nor a list of strings: what it names is unknown.
    if (element.kind === 'object' || (element.kind === 'array' && element.items.some((item) => item.kind !== 'scalar')))
      statement.conditional = true
  }
  return statement
}
