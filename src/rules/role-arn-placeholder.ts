import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { findRoleArnPlaceholder, quoted, serviceAccountIdentity, serviceAccountTitle } from './helpers/kubernetes.js'

export const roleArnPlaceholder: Rule = {
  meta: {
    id: 'role-arn-placeholder',
    level: 'warning',
    description:
      'The eks.amazonaws.com/role-arn annotation holds a placeholder instead of a role ARN: an AWS documentation account, an unrendered template or variable, a word such as ACCOUNT_ID, or nothing.',
    remediation:
      'Render the template or substitute the variable before applying, or write the real role ARN with the account the role is in.',
  },
  *check(graph) {
    for (const sa of graph.facts.serviceAccounts) {
      const value = sa.roleArn
      if (value?.kind !== 'known') continue
      const placeholder = findRoleArnPlaceholder(value.value, sa.source)
      if (!placeholder) continue
      const shown = value.value.trim() === '' ? '' : ` ${quoted(value.value)}`
      const consequence = placeholder.documentationAccount
        ? `STS finds no such role of yours and answers AccessDenied; replace ${placeholder.documentationAccount} with the 12-digit ID of the account the role is in`
        : value.value.trim() === ''
          ? 'the webhook injects no role and the pods fall back to the node role; set the role ARN or remove the annotation'
          : 'the pods get it verbatim as AWS_ROLE_ARN and STS rejects it; render or substitute it before applying, or write the real role ARN'
      const instructed = sa.roleArnReplaceComment
      if (instructed && value.value.trim() !== '') {
        // A sample the reader is told to fill in: worth knowing, not worth failing a check over.
        yield {
          location: value.location,
          level: 'note',
          message: `eks.amazonaws.com/role-arn${shown} of ${serviceAccountTitle(sa)} holds ${placeholder.description}, which the comment at ${formatLocation(instructed)} says to replace before applying`,
          related: [{ location: instructed, message: 'the comment that says to replace the value' }],
          key: `${serviceAccountIdentity(sa)} placeholder:${value.value}`,
        }
        continue
      }
      yield {
        location: value.location,
        message: `eks.amazonaws.com/role-arn${shown} of ${serviceAccountTitle(sa)} holds ${placeholder.description}: ${consequence}`,
        key: `${serviceAccountIdentity(sa)} placeholder:${value.value}`,
      }
    }
  },
}
