import type { Expr, Step, TemplatePart } from './ast.js'

/** HCL-like source text of an expression, for the expression text of results known only at apply time. */
export function printExpr(expr: Expr, depth = 0): string {
  if (depth > 30) return '…'
  const next = (inner: Expr): string => printExpr(inner, depth + 1)
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value === 'string' ? JSON.stringify(expr.value) : String(expr.value)
    case 'template':
      return JSON.stringify(printTemplate(expr.parts, depth))
    case 'tuple':
      return `[${expr.items.map(next).join(', ')}]`
    case 'object':
      return `{${expr.items.map((item) => `${item.keyName ?? next(item.key)} = ${next(item.value)}`).join(', ')}}`
    case 'variable':
      return expr.name
    case 'access':
      return `${next(expr.target)}${printSteps(expr.steps, depth)}`
    case 'call':
      return `${expr.name}(${expr.args.map(next).join(', ')}${expr.expandLast ? '...' : ''})`
    case 'for': {
      const names = expr.keyName ? `${expr.keyName}, ${expr.valueName}` : expr.valueName
      const condition = expr.condition ? ` if ${next(expr.condition)}` : ''
      if (expr.keyExpr)
        return `{for ${names} in ${next(expr.collection)} : ${next(expr.keyExpr)} => ${next(expr.valueExpr)}${expr.grouping ? '...' : ''}${condition}}`
      return `[for ${names} in ${next(expr.collection)} : ${next(expr.valueExpr)}${condition}]`
    }
    case 'conditional':
      return `${next(expr.condition)} ? ${next(expr.then)} : ${next(expr.otherwise)}`
    case 'unary':
      return `${expr.operator}${next(expr.operand)}`
    case 'binary':
      return `${next(expr.left)} ${expr.operator} ${next(expr.right)}`
    case 'invalid':
      return '(invalid)'
  }
}

export function printSteps(steps: readonly Step[], depth = 0): string {
  return steps
    .map((step) => {
      if (step.kind === 'attr') return `.${step.name}`
      if (step.kind === 'index') return `[${printExpr(step.key, depth + 1)}]`
      return `[*]${printSteps(step.steps, depth)}`
    })
    .join('')
}

function printTemplate(parts: readonly TemplatePart[], depth: number): string {
  return parts
    .map((part) => {
      if (part.kind === 'text') return part.text
      if (part.kind === 'interpolation') return `\${${printExpr(part.expression, depth + 1)}}`
      if (part.kind === 'if')
        return `%{if ${printExpr(part.condition, depth + 1)}}${printTemplate(part.then, depth + 1)}%{endif}`
      return `%{for ${part.valueName} in ${printExpr(part.collection, depth + 1)}}${printTemplate(part.body, depth + 1)}%{endfor}`
    })
    .join('')
}
