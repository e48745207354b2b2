import type { Location } from '../../model/location.js'

/** An HCL file reduced to what evaluation needs: bodies, attributes, blocks and expressions, each located. */
export interface HclFile {
  path: string
  text: string
  body: Body
  /** The first syntax error (tree-sitter ERROR or MISSING node), if any. */
  error?: { location: Location; message: string }
}

export interface Body {
  attributes: Attribute[]
  blocks: Block[]
}

export interface Attribute {
  name: string
  location: Location
  expression: Expr
}

export interface Block {
  type: string
  labels: string[]
  location: Location
  endLine: number
  body: Body
}

export type Expr =
  | LiteralExpr
  | TemplateExpr
  | TupleExpr
  | ObjectExpr
  | VariableExpr
  | AccessExpr
  | CallExpr
  | ForExpr
  | ConditionalExpr
  | UnaryExpr
  | BinaryExpr
  | InvalidExpr

export interface LiteralExpr {
  kind: 'literal'
  value: string | number | boolean | null
  location: Location
  /** For strings: where the text starts, and whether its lines are the file's lines (see TemplateExpr). */
  textLocation?: Location
  lineAligned?: boolean
}

/** A quoted string or heredoc with interpolations or directives (a plain quoted string is a literal). */
export interface TemplateExpr {
  kind: 'template'
  parts: TemplatePart[]
  location: Location
  /** Where the text starts and whether its lines are the file's lines (heredocs), for documents written inside it. */
  textLocation: Location
  lineAligned: boolean
}

export type TemplatePart =
  | { kind: 'text'; text: string; location: Location }
  | { kind: 'interpolation'; expression: Expr; location: Location }
  | { kind: 'if'; condition: Expr; then: TemplatePart[]; otherwise: TemplatePart[]; location: Location }
  | { kind: 'for'; keyName?: string; valueName: string; collection: Expr; body: TemplatePart[]; location: Location }

export interface TupleExpr {
  kind: 'tuple'
  items: Expr[]
  location: Location
}

export interface ObjectItem {
  key: Expr
  /** A bare identifier key (`name = …`) is its own text, never a variable. */
  keyName?: string
  keyLocation: Location
  value: Expr
}

export interface ObjectExpr {
  kind: 'object'
  items: ObjectItem[]
  location: Location
}

export interface VariableExpr {
  kind: 'variable'
  name: string
  location: Location
}

export type Step = { kind: 'attr'; name: string } | { kind: 'index'; key: Expr } | { kind: 'splat'; steps: Step[] }

export interface AccessExpr {
  kind: 'access'
  target: Expr
  steps: Step[]
  location: Location
}

export interface CallExpr {
  kind: 'call'
  name: string
  args: Expr[]
  /** `f(list...)`: the last argument's elements are the arguments. */
  expandLast: boolean
  location: Location
}

export interface ForExpr {
  kind: 'for'
  keyName?: string
  valueName: string
  collection: Expr
  /** Set for `{ for … : k => v }`. */
  keyExpr?: Expr
  valueExpr: Expr
  condition?: Expr
  grouping: boolean
  location: Location
}

export interface ConditionalExpr {
  kind: 'conditional'
  condition: Expr
  then: Expr
  otherwise: Expr
  location: Location
}

export interface UnaryExpr {
  kind: 'unary'
  operator: string
  operand: Expr
  location: Location
}

export interface BinaryExpr {
  kind: 'binary'
  operator: string
  left: Expr
  right: Expr
  location: Location
}

export interface InvalidExpr {
  kind: 'invalid'
  location: Location
}

export function attribute(body: Body | undefined, name: string): Attribute | undefined {
  return body?.attributes.find((candidate) => candidate.name === name)
}

export function blocks(body: Body | undefined, type: string): Block[] {
  return body?.blocks.filter((candidate) => candidate.type === type) ?? []
}
