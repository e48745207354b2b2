import { emptyResult, type Source } from '../source.js'
import { loadedHclParser, loadHclParser } from './loader.js'
import { TerraformProgram } from './program.js'

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
    const parser = loadedHclParser()
    if (!parser) {
      const result = emptyResult()
      const first = files.find((file) => file.kind === 'terraform') ?? files[0]
      if (first) {
        result.findings.push({
          ruleId: 'parse-error',
          location: { path: first.path, line: 1, column: 1 },
          message: 'The HCL parser was not loaded (the engine did not prepare the terraform source), so no Terraform file was read',
          key: 'hcl-parser-not-loaded',
        })
      }
      return result
    }
    try {
      return new TerraformProgram(parser, files, context).run()
    } catch (error) {
      const result = emptyResult()
      const first = files.find((file) => file.kind === 'terraform') ?? files[0]!
      result.findings.push({
        ruleId: 'parse-error',
        location: { path: first.path, line: 1, column: 1 },
        message: `Cannot read the Terraform configuration: ${error instanceof Error ? error.message : String(error)}`,
        key: 'terraform-internal',
      })
      return result
    }
  },
}
