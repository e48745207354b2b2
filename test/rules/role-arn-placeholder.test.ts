import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('role-arn-placeholder', () => {
  it('reports documentation accounts, unrendered templates, kustomize variables nothing substitutes, placeholder words and empty values; a note where a comment says to replace the value', async () => {
    expect(await ruleLines('role-arn-placeholder', 'fires')).toEqual([
      'k8s/service-accounts.yaml:7:33: warning: eks.amazonaws.com/role-arn "arn:aws:iam::111122223333:role/docs-account" of ServiceAccount payments/docs-account holds 111122223333, an example account ID from the AWS documentation: STS finds no such role of yours and answers AccessDenied; replace 111122223333 with the 12-digit ID of the account the role is in [role-arn-placeholder]',
      'k8s/service-accounts.yaml:15:33: warning: eks.amazonaws.com/role-arn "arn:aws:iam::123456789012:role/docs-account-2" of ServiceAccount payments/docs-account-2 holds 123456789012, an example account ID from the AWS documentation: STS finds no such role of yours and answers AccessDenied; replace 123456789012 with the 12-digit ID of the account the role is in [role-arn-placeholder]',
      'k8s/service-accounts.yaml:23:33: warning: eks.amazonaws.com/role-arn "arn:aws:iam::444455556666:role/docs-account-3" of ServiceAccount payments/docs-account-3 holds 444455556666, an example account ID from the AWS documentation: STS finds no such role of yours and answers AccessDenied; replace 444455556666 with the 12-digit ID of the account the role is in [role-arn-placeholder]',
      'k8s/service-accounts.yaml:31:33: warning: eks.amazonaws.com/role-arn "$(IRSA_ROLE_ARN)" of ServiceAccount payments/kustomize-var holds an unsubstituted variable "$(IRSA_ROLE_ARN)": the pods get it verbatim as AWS_ROLE_ARN and STS rejects it; render or substitute it before applying, or write the real role ARN [role-arn-placeholder]',
      'k8s/service-accounts.yaml:39:33: warning: eks.amazonaws.com/role-arn "arn:aws:iam::<account-id>:role/angle-brackets" of ServiceAccount payments/angle-brackets holds a placeholder "<account-id>": the pods get it verbatim as AWS_ROLE_ARN and STS rejects it; render or substitute it before applying, or write the real role ARN [role-arn-placeholder]',
      'k8s/service-accounts.yaml:47:33: warning: eks.amazonaws.com/role-arn "arn:aws:iam::ACCOUNT_ID:role/word-account" of ServiceAccount payments/word-account holds the placeholder account "ACCOUNT_ID": the pods get it verbatim as AWS_ROLE_ARN and STS rejects it; render or substitute it before applying, or write the real role ARN [role-arn-placeholder]',
      'k8s/service-accounts.yaml:55:33: warning: eks.amazonaws.com/role-arn "arn:aws:iam::xxxxxxxxxxxx:role/xes" of ServiceAccount payments/xes holds the placeholder account "xxxxxxxxxxxx": the pods get it verbatim as AWS_ROLE_ARN and STS rejects it; render or substitute it before applying, or write the real role ARN [role-arn-placeholder]',
      'k8s/service-accounts.yaml:63:33: warning: eks.amazonaws.com/role-arn of ServiceAccount payments/empty holds nothing (the value is empty): the webhook injects no role and the pods fall back to the node role; set the role ARN or remove the annotation [role-arn-placeholder]',
      'k8s/service-accounts.yaml:71:33: warning: eks.amazonaws.com/role-arn "REPLACE_ME" of ServiceAccount payments/replace-me holds the placeholder "REPLACE_ME": the pods get it verbatim as AWS_ROLE_ARN and STS rejects it; render or substitute it before applying, or write the real role ARN [role-arn-placeholder]',
      'k8s/unrendered.yaml:7:33: warning: eks.amazonaws.com/role-arn "{{ .Values.serviceAccount.roleArn }}" of ServiceAccount payments/go-template holds an unrendered template expression "{{ .Values.serviceAccount.roleArn }}": the pods get it verbatim as AWS_ROLE_ARN and STS rejects it; render or substitute it before applying, or write the real role ARN [role-arn-placeholder]',
      'commented/sample.yaml:8:33: note: eks.amazonaws.com/role-arn "arn:aws:iam::<ACCOUNT_ID>:role/agent" of ServiceAccount analytics/agent holds a placeholder "<ACCOUNT_ID>", which the comment at commented/sample.yaml:7 says to replace before applying [role-arn-placeholder]',
      'commented/sample.yaml:16:33: note: eks.amazonaws.com/role-arn "arn:aws:iam::111122223333:role/reader" of ServiceAccount analytics/reader holds 111122223333, an example account ID from the AWS documentation, which the comment at commented/sample.yaml:16 says to replace before applying [role-arn-placeholder]',
      'commented/sample.yaml:23:33: note: eks.amazonaws.com/role-arn "arn:aws:iam::ACCOUNT_ID:role/crossplane-provider-aws" of ServiceAccount ${crossplane-namespace}/${crossplane-provider-revision(provider-aws-config)} holds the placeholder account "ACCOUNT_ID", which the comment at commented/sample.yaml:23 says to replace before applying [role-arn-placeholder]',
    ])
  })

  it('stays silent on real accounts that resemble documentation ones, on shell variables (envsubst) and on kustomize vars a varReference substitutes', async () => {
    const result = await scan(fixture('rules', 'role-arn-placeholder', 'silent'))
    expect(linesOf(result, 'role-arn-placeholder')).toEqual([])
    expect([result.graph.facts.serviceAccounts.length, result.graph.facts.workloads.length]).toEqual([8, 0])
  })
})
