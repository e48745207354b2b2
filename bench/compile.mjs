/**
 * Transpiles src/**\/*.ts into .bench/lib (one file at a time, types dropped), so the baseline can
 * use the project's own classifier, decoder and parsers exactly as the engine does, and worker
 * threads can run outside the bundle (test/bench/equivalence.test.ts). The output stays inside
 * the repository so that its imports resolve from node_modules.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const libDirectory = path.join(repositoryRoot, '.bench', 'lib')

export function compileSources(outDirectory = libDirectory) {
  rmSync(outDirectory, { recursive: true, force: true })
  const sourceRoot = path.join(repositoryRoot, 'src')
  for (const entry of readdirSync(sourceRoot, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue
    const sourcePath = path.join(entry.parentPath ?? entry.path, entry.name)
    const relative = path.relative(sourceRoot, sourcePath)
    const output = ts.transpileModule(readFileSync(sourcePath, 'utf8'), {
      fileName: sourcePath,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        isolatedModules: true,
        sourceMap: false,
      },
    })
    const target = path.join(outDirectory, relative.replace(/\.ts$/, '.js'))
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, output.outputText)
  }
  writeFileSync(path.join(outDirectory, 'package.json'), '{"type":"module"}\n')
  return outDirectory
}
