import { gzipSync } from 'node:zlib'
import type { SarifLog } from './sarif.js'

/**
 * What GitHub code scanning accepts and keeps of one SARIF upload ("SARIF support for code
 * scanning"): it rejects more than 25,000 results per run and keeps only the 5,000 most severe;
 * it keeps 100 locations of a result (rejects above 1,000) and 10 tags of a rule (rejects above
 * 20); the gzip-compressed file may be at most 10 MB. irsa-guard writes one run, so one tool and
 * category per file.
 */
export const CODE_SCANNING_LIMITS = {
  resultsPerRun: 5_000,
  locationsPerResult: 100,
  tagsPerRule: 10,
  gzippedBytes: 10 * 1024 * 1024,
} as const

export type SarifLimits = { [K in keyof typeof CODE_SCANNING_LIMITS]: number }

export interface LimitedSarif {
  text: string
  /** One sentence per cut, for a notice; empty when nothing was cut. */
  cuts: string[]
}

/**
 * The log as text within code scanning's limits. Results arrive most severe first, so the least
 * severe are the ones left out.
 */
export function formatSarifWithinLimits(log: SarifLog, limits: SarifLimits = CODE_SCANNING_LIMITS): LimitedSarif {
  const cuts: string[] = []
  const runs = log.runs.map((run) => {
    let results = run.results
    const total = results.length
    if (results.length > limits.resultsPerRun) results = results.slice(0, limits.resultsPerRun)

    let trimmedResults = 0
    results = results.map((result) => {
      const related = result.relatedLocations ?? []
      if (result.locations.length + related.length <= limits.locationsPerResult) return result
      trimmedResults++
      const room = Math.max(0, limits.locationsPerResult - result.locations.length)
      return { ...result, relatedLocations: related.slice(0, room) }
    })
    if (trimmedResults > 0)
      cuts.push(
        `${trimmedResults} SARIF result${trimmedResults === 1 ? '' : 's'} kept only ${limits.locationsPerResult} locations each`,
      )

    let trimmedRules = 0
    const rules = run.tool.driver.rules.map((rule) => {
      if (rule.properties.tags.length <= limits.tagsPerRule) return rule
      trimmedRules++
      return { ...rule, properties: { ...rule.properties, tags: rule.properties.tags.slice(0, limits.tagsPerRule) } }
    })
    if (trimmedRules > 0)
      cuts.push(`${trimmedRules} SARIF rule${trimmedRules === 1 ? '' : 's'} kept only ${limits.tagsPerRule} tags each`)
    return { run: { ...run, tool: { driver: { ...run.tool.driver, rules } }, results }, total }
  })

  const serialize = (counts: number[]) =>
    `${JSON.stringify({ ...log, runs: runs.map(({ run }, index) => ({ ...run, results: run.results.slice(0, counts[index]) })) }, null, 2)}\n`
  const fits = (text: string) => gzipSync(text).length <= limits.gzippedBytes
  const full = runs.map(({ run }) => run.results.length)
  let counts = full
  let text = serialize(counts)
  if (!fits(text)) {
    // Rarely needed: the largest number of results per run that keeps the compressed file small enough.
    let low = 0
    let high = Math.max(...full)
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if (fits(serialize(full.map((count) => Math.min(count, middle))))) low = middle
      else high = middle - 1
    }
    counts = full.map((count) => Math.min(count, low))
    text = serialize(counts)
  }
  runs.forEach(({ total }, index) => {
    const kept = counts[index] ?? total
    if (kept < total) {
      cuts.unshift(
        `the SARIF file holds the ${kept.toLocaleString('en-US')} most severe of ${total.toLocaleString('en-US')} results (GitHub code scanning keeps at most ${limits.resultsPerRun.toLocaleString('en-US')} results per run and ${Math.round(limits.gzippedBytes / 1024 / 1024)} MB compressed)`,
      )
    }
  })
  return { text, cuts }
}
