import type { Rule } from './rule.js'

/**
 * Findings of this id come from discovery and the sources, which see the bytes and the syntax;
 * the rule exists for its metadata (level, docs, SARIF) and so that it can be configured.
 */
export const parseError: Rule = {
  meta: {
    id: 'parse-error',
    level: 'warning',
    description:
      'A file that looks IRSA-relevant cannot be read or parsed (syntax error, duplicate key, binary, too large, link out of the repository), so nothing in it is checked.',
    remediation: 'Fix the syntax at the reported line, render templates before scanning, or exclude the file.',
  },
  *check() {},
}
