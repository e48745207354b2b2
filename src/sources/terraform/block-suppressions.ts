import type { Suppression } from '../../model/suppression.js'
import type { HclFile } from './ast.js'

const WHOLE_BLOCK_TYPES = new Set(['resource', 'data', 'module'])

/**
 * An `irsa-guard:ignore` comment directly above a top-level `resource`, `data` or `module` block (only blank
 * lines and comments between) covers the whole block, not only its first line: a finding inside the block's
 * policy is on a later line.
 */
export function widenSuppressionsToBlocks(suppressions: readonly Suppression[], files: readonly HclFile[]): void {
  const blockEnds = new Map<string, number>()
  for (const file of files) {
    for (const block of file.body.blocks)
      if (WHOLE_BLOCK_TYPES.has(block.type)) blockEnds.set(`${file.path}:${block.location.line}`, block.endLine)
  }
  for (const suppression of suppressions) {
    if (suppression.form !== 'comment' || suppression.toLine <= suppression.fromLine) continue
    const end = blockEnds.get(`${suppression.location.path}:${suppression.toLine}`)
    if (end !== undefined && end > suppression.toLine) suppression.toLine = end
  }
}
