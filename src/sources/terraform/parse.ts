import type { Block, Body, HclFile } from './ast.js'
import type { HclParser, SyntaxNode } from './loader.js'
import { nodeTypes } from './node-types.js'
import { MAX_DEPTH, TreeReader } from './tree-reader.js'
import { fastParseHcl } from './fast-parse.js'

/**
 * parseHcl's result: from the fast parser (fast-parse.ts) when `fast` is set and it takes the
 * text, else from tree-sitter.
 */
export function parseHclFile(
  parser: HclParser,
  path: string,
  text: string,
  options: { lineOffset?: number; fast: boolean },
): HclFile {
  return (options.fast ? fastParseHcl(path, text, options) : undefined) ?? parseHcl(parser, path, text, options)
}

/**
 * Parses an HCL file with tree-sitter and reduces the tree to the AST in ast.ts. Never throws:
 * the first syntax error is reported on the file, and what parsed around it is kept (an ERROR
 * node inside a body is skipped; an unparsable expression becomes `invalid`).
 */
export function parseHcl(
  parser: HclParser,
  path: string,
  text: string,
  options: { lineOffset?: number } = {},
): HclFile {
  const tree = parser.parse(text)
  if (!tree)
    return {
      path,
      text,
      body: { attributes: [], blocks: [] },
      error: { location: { path, line: 1, column: 1 }, message: 'the parser returned nothing' },
    }
  try {
    const root = tree.rootNode
    const hasError = root.hasError
    const cursor = root.walk()
    const reader = new TreeReader(path, text, options.lineOffset ?? 0, cursor, nodeTypes(tree.language), hasError)
    let body: Body
    try {
      body = reader.file()
    } finally {
      cursor.delete()
    }
    const file: HclFile = { path, text, body }
    if (hasError) {
      const error = firstError(root)
      if (error)
        file.error = { location: reader.location(errorIndex(error, text)), message: describeError(error, text) }
      // Recovery may nest the blocks after an error inside the broken one: they are still the file's own.
      body.blocks.push(...hoistTopLevelBlocks(body.blocks, 0))
    }
    if (!file.error && reader.firstTooDeep !== undefined) {
      file.error = {
        location: reader.location(reader.firstTooDeep),
        message: `nesting deeper than ${MAX_DEPTH} levels here, not read`,
      }
    }
    if (!file.error && reader.firstInvalidEscape !== undefined) {
      const escape = text.slice(reader.firstInvalidEscape, reader.firstInvalidEscape + 10)
      file.error = {
        location: reader.location(reader.firstInvalidEscape),
        message: `${escape} is not a Unicode character (above U+10FFFF), which Terraform rejects`,
      }
    }
    return file
  } finally {
    tree.delete()
  }
}

function firstError(node: SyntaxNode): SyntaxNode | undefined {
  if (node.isError || node.isMissing) return node
  for (const child of node.children) {
    if (child && (child.hasError || child.isMissing)) {
      const found = firstError(child)
      if (found) return found
    }
  }
  return undefined
}

/** Where to point: an ERROR node's start; for a MISSING node, the last character written before it. */
function errorIndex(node: SyntaxNode, text: string): number {
  if (!node.isMissing) return node.startIndex
  let index = node.startIndex - 1
  while (index > 0 && /\s/.test(text[index]!)) index--
  return Math.max(0, index)
}

function describeError(node: SyntaxNode, text: string): string {
  if (node.isMissing) {
    const end = errorIndex(node, text) + 1
    const line = text.slice(text.lastIndexOf('\n', end - 1) + 1, end).trim()
    const closing = ['}', ']', ')', '"', 'block_end', 'object_end', 'tuple_end', 'quoted_template_end'].includes(
      node.type,
    )
    return closing ? `"${line}" is not closed (a bracket or quote is missing after it)` : `"${line}" is incomplete`
  }
  const snippet = text
    .slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 40))
    .split('\n')[0]!
    .trim()
  return snippet === '' ? 'unexpected end of input' : `unexpected ${JSON.stringify(snippet)}`
}

/** Block types that exist only at the top level of a file. */
const TOP_LEVEL_BLOCKS = new Set([
  'resource',
  'data',
  'module',
  'variable',
  'output',
  'locals',
  'provider',
  'terraform',
  'moved',
  'import',
  'check',
  'removed',
])

/** Removes top-level-only blocks nested (by error recovery) inside other blocks, and returns them. */
function hoistTopLevelBlocks(blocks: Block[], depth: number): Block[] {
  const hoisted: Block[] = []
  for (const block of blocks) {
    if (depth > 50) break
    const nested = block.body.blocks
    const kept = nested.filter(
      (inner) =>
        !TOP_LEVEL_BLOCKS.has(inner.type) ||
        (inner.type === 'resource' || inner.type === 'data' ? inner.labels.length !== 2 : false),
    )
    hoisted.push(...nested.filter((inner) => !kept.includes(inner)))
    block.body.blocks = kept
    hoisted.push(...hoistTopLevelBlocks(kept, depth + 1))
  }
  const deeper = hoisted.length > 0 ? hoistTopLevelBlocks(hoisted, depth + 1) : []
  return [...hoisted, ...deeper]
}
