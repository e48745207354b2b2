import type { SourceFinding } from '../../model/finding.js'
import type { Location } from '../../model/location.js'
import { editDistanceWithin } from '../../text/edit-distance.js'
import { attribute, blocks, type Block, type Expr, type HclFile, type TemplatePart } from './ast.js'

/**
 * References to managed resources that the module does not declare, in the expressions an IRSA
 * chain is made of: a ServiceAccount's annotations, a role's trust policy, a policy document's
 * principals and conditions. Terraform refuses the whole configuration ("Reference to undeclared
 * resource"), so nothing of the chain is ever applied.
 *
 * A traversal whose first name is not one of Terraform's reserved roots is a resource reference
 * (`<type>.<name>`; addrs.ParseRef in hashicorp/terraform v1.10, internal/addrs/parse_ref.go);
 * names bound by `for` expressions and template directives are local. Only called for a module
 * whose every file was read and parsed: otherwise the declaration may sit in what was not read.
 */
export function undeclaredResourceReferences(files: readonly HclFile[]): SourceFinding[] {
  const declared = new Set<string>()
  for (const file of files) {
    for (const block of file.body.blocks) {
      if (block.type === 'resource' && block.labels.length >= 2) declared.add(`${block.labels[0]}.${block.labels[1]}`)
    }
  }
  const findings: SourceFinding[] = []
  for (const file of files) {
    for (const block of file.body.blocks) {
      for (const expression of irsaExpressions(block)) {
        for (const reference of resourceReferences(expression, new Set())) {
          if (declared.has(`${reference.type}.${reference.name}`)) continue
          findings.push(finding(reference, declared, block))
        }
      }
    }
  }
  return findings
}

/** Roots that are not resource types (Terraform v1.10 internal/addrs/parse_ref.go; `template`, `lazy`, `arg` are reserved there). */
const RESERVED_ROOTS = new Set([
  'count',
  'each',
  'self',
  'var',
  'local',
  'module',
  'data',
  'path',
  'terraform',
  'ephemeral',
  'resource',
  'template',
  'lazy',
  'arg',
])
const SERVICE_ACCOUNT_TYPES = new Set(['kubernetes_service_account', 'kubernetes_service_account_v1'])
/** The blocks irsaExpressions reads expressions of. */
const CHECKED_TYPES = {
  resource: new Set([...SERVICE_ACCOUNT_TYPES, 'aws_iam_role']),
  data: new Set(['aws_iam_policy_document']),
}

/** Whether the expressions of a `resource` or `data` block of this type are checked for undeclared references. */
export function checksReferencesOf(mode: 'resource' | 'data', type: string): boolean {
  return CHECKED_TYPES[mode].has(type)
}

function* irsaExpressions(block: Block): Iterable<Expr> {
  const [type] = block.labels
  if (
    (block.type !== 'resource' && block.type !== 'data') ||
    type === undefined ||
    !checksReferencesOf(block.type, type)
  )
    return
  if (block.type === 'resource' && type !== undefined && SERVICE_ACCOUNT_TYPES.has(type)) {
    for (const metadata of blocks(block.body, 'metadata')) {
      const annotations = attribute(metadata.body, 'annotations')
      if (annotations) yield annotations.expression
    }
  } else if (block.type === 'resource' && type === 'aws_iam_role') {
    const trust = attribute(block.body, 'assume_role_policy')
    if (trust) yield trust.expression
  } else if (block.type === 'data' && type === 'aws_iam_policy_document') {
    // `dynamic` blocks bind their iterator name: not read here.
    for (const statement of blocks(block.body, 'statement')) {
      for (const nested of [...blocks(statement.body, 'principals'), ...blocks(statement.body, 'condition')]) {
        for (const item of nested.body.attributes) yield item.expression
      }
    }
  }
}

interface ResourceReference {
  type: string
  name: string
  location: Location
}

function* resourceReferences(expr: Expr, bound: ReadonlySet<string>): Iterable<ResourceReference> {
  switch (expr.kind) {
    case 'access': {
      const first = expr.steps[0]
      if (
        expr.target.kind === 'variable' &&
        !bound.has(expr.target.name) &&
        !RESERVED_ROOTS.has(expr.target.name) &&
        first?.kind === 'attr'
      ) {
        yield { type: expr.target.name, name: first.name, location: expr.location }
      } else {
        yield* resourceReferences(expr.target, bound)
      }
      for (const step of expr.steps) if (step.kind === 'index') yield* resourceReferences(step.key, bound)
      return
    }
    case 'template':
      yield* templateReferences(expr.parts, bound)
      return
    case 'tuple':
      for (const item of expr.items) yield* resourceReferences(item, bound)
      return
    case 'object':
      for (const item of expr.items) {
        if (item.keyName === undefined) yield* resourceReferences(item.key, bound)
        yield* resourceReferences(item.value, bound)
      }
      return
    case 'call':
      for (const arg of expr.args) yield* resourceReferences(arg, bound)
      return
    case 'for': {
      yield* resourceReferences(expr.collection, bound)
      const inner = withNames(bound, expr.keyName, expr.valueName)
      if (expr.keyExpr) yield* resourceReferences(expr.keyExpr, inner)
      yield* resourceReferences(expr.valueExpr, inner)
      if (expr.condition) yield* resourceReferences(expr.condition, inner)
      return
    }
    case 'conditional':
      yield* resourceReferences(expr.condition, bound)
      yield* resourceReferences(expr.then, bound)
      yield* resourceReferences(expr.otherwise, bound)
      return
    case 'unary':
      yield* resourceReferences(expr.operand, bound)
      return
    case 'binary':
      yield* resourceReferences(expr.left, bound)
      yield* resourceReferences(expr.right, bound)
      return
    case 'literal':
    case 'variable':
    case 'invalid':
      return
  }
}

function* templateReferences(parts: readonly TemplatePart[], bound: ReadonlySet<string>): Iterable<ResourceReference> {
  for (const part of parts) {
    if (part.kind === 'interpolation') yield* resourceReferences(part.expression, bound)
    else if (part.kind === 'if') {
      yield* resourceReferences(part.condition, bound)
      yield* templateReferences(part.then, bound)
      yield* templateReferences(part.otherwise, bound)
    } else if (part.kind === 'for') {
      yield* resourceReferences(part.collection, bound)
      yield* templateReferences(part.body, withNames(bound, part.keyName, part.valueName))
    }
  }
}

function withNames(bound: ReadonlySet<string>, ...names: (string | undefined)[]): ReadonlySet<string> {
  const inner = new Set(bound)
  for (const name of names) if (name !== undefined) inner.add(name)
  return inner
}

function finding(reference: ResourceReference, declared: ReadonlySet<string>, block: Block): SourceFinding {
  const address = `${reference.type}.${reference.name}`
  const candidates = [...declared].filter((candidate) => {
    const [type, name] = candidate.split('.') as [string, string]
    return (
      name === reference.name &&
      (type.endsWith(`_${reference.type}`) || editDistanceWithin(type, reference.type, 2) <= 2)
    )
  })
  const suggestion = candidates.length > 0 ? `; did you mean ${candidates.join(' or ')}?` : ''
  const owner = `${block.type === 'data' ? 'data.' : ''}${block.labels.slice(0, 2).join('.')}`
  return {
    ruleId: 'terraform-reference-undeclared',
    location: reference.location,
    message: `${owner} refers to ${address}, but this module declares no resource "${reference.type}" "${reference.name}": terraform plan fails with "Reference to undeclared resource"${suggestion}`,
    key: `undeclared ${owner} ${address}`,
  }
}
