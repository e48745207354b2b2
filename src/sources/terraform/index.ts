import {
  emptyResult,
  textLength,
  type Source,
  type SourceContext,
  type SourceFile,
  type SourceParts,
  type SourceResult,
  type SourceUnits,
} from '../source.js'
import { loadedHclParser, loadHclParser } from './loader.js'
import {
  mergeTerraformParts,
  terraformIndex,
  TerraformProgram,
  type TerraformIndex,
  type TerraformPart,
} from './program.js'
import { errorText } from '../../model/error-text.js'

/** Below this much Terraform text, one thread reads it all. */
const PART_MIN_CHARS = 256 * 1024
/** Parts per thread: the module directories differ in size. */
const PARTS_PER_THREAD = 3

/**
 * Terraform configurations (`.tf`, `terraform.tfvars`, `*.auto.tfvars`), read with tree-sitter's
 * HCL grammar and evaluated as far as values can be known without running Terraform. The parser
 * (WebAssembly) is loaded by `prepare`, which the engine calls only when the scan has such files.
 */
export const terraformSource: Source = {
  name: 'terraform',
  kinds: ['terraform', 'terraform-vars'],
  async prepare() {
    await loadHclParser()
  },
  read(files, context) {
    return readTerraform(files, context, (program) => program.run())
  },
  parts: terraformParts(),
  units(files, context): SourceUnits<TerraformPart | SourceResult> {
    // One unit per module directory: a directory read as a root module reads the modules it calls itself.
    const index = terraformIndex(files, context)
    const parts = terraformParts()
    return {
      ids: [...index.byDir.keys()],
      read: (dir) => readTerraform(files, context, (program) => program.runDirectories(new Set([dir])), index),
      merge: (read) => parts.merge(read, context),
    }
  },
}

function terraformParts(): SourceParts<TerraformPart | SourceResult> {
  return {
    count(files, threads) {
      return textLength(files) < PART_MIN_CHARS || threads <= 1 ? 1 : threads * PARTS_PER_THREAD
    },
    read(files, context, part, count) {
      return readTerraform(files, context, (program) => program.runPart(part, count))
    },
    merge(parts) {
      // A part that could not read at all reports that as a whole result (the parser was not loaded, an internal error).
      const failed = parts.find((part): part is SourceResult => 'facts' in part)
      return failed ?? mergeTerraformParts(parts as TerraformPart[])
    },
  }
}

/** What `run` returns, or a result with the one finding that says why nothing could be read. */
function readTerraform<T>(
  files: readonly SourceFile[],
  context: SourceContext,
  run: (program: TerraformProgram) => T,
  index?: TerraformIndex,
): T | SourceResult {
  const parser = loadedHclParser()
  if (!parser) {
    const result = emptyResult()
    const first = files.find((file) => file.kind === 'terraform') ?? files[0]
    if (first) {
      result.findings.push({
        ruleId: 'parse-error',
        location: { path: first.path, line: 1, column: 1 },
        message:
          'The HCL parser was not loaded (the engine did not prepare the terraform source), so no Terraform file was read',
        key: 'hcl-parser-not-loaded',
      })
    }
    return result
  }
  try {
    return run(new TerraformProgram(parser, files, context, index))
  } catch (error) {
    const result = emptyResult()
    const first = files.find((file) => file.kind === 'terraform') ?? files[0]!
    result.findings.push({
      ruleId: 'parse-error',
      location: { path: first.path, line: 1, column: 1 },
      message: `Cannot read the Terraform configuration: ${errorText(error)}`,
      key: 'terraform-internal',
    })
    return result
  }
}
