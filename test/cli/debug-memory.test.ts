import { fixture } from '../helpers.js'
import { runCli } from './fake-io.js'

const broken = fixture('repos', 'broken')

describe('IRSA_GUARD_DEBUG_MEMORY', () => {
  it("prints the process's memory as each phase starts and after the report, and changes nothing else", async () => {
    const plain = await runCli(['--format', 'json', broken], process.cwd())
    const measured = await runCli(['--format', 'json', broken], process.cwd(), {
      env: { IRSA_GUARD_DEBUG_MEMORY: '1' },
    })
    expect(measured.code).toBe(plain.code)
    expect(measured.stdout).toBe(plain.stdout)
    const lines = measured.stderr.split('\n')
    const memoryLines = lines.filter((line) => line.startsWith('irsa-guard: memory '))
    expect(memoryLines.map((line) => line.replace(/\d+ MB/g, 'N MB'))).toEqual(
      ['before discover', 'before read', 'before analyse', 'before done', 'after the report'].map(
        (when) => `irsa-guard: memory ${when}: rss N MB, heap used N MB of N MB, external N MB`,
      ),
    )
    expect(lines.filter((line) => !line.startsWith('irsa-guard: memory ')).join('\n')).toBe(plain.stderr)
  })
})
