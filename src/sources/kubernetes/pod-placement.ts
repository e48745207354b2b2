import type { NodeOs, PodLabel, SelfHostedWebhook, SourceKind } from '../../model/facts.js'
import type { ObjectEntry, TreeNode } from '../../model/tree.js'
import { known, symbolic, type Value } from '../../model/value.js'

/** The node labels that carry the OS; the webhook reads both (amazon-eks-pod-identity-webhook pkg/handler/handler.go @3bf80a34). */
const OS_LABELS: ReadonlySet<string> = new Set(['kubernetes.io/os', 'beta.kubernetes.io/os'])

/**
 * The OS a pod spec pins its node to: `nodeSelector` first (what the webhook reads), else a required
 * node affinity whose every term allows exactly one OS. undefined when the spec does not say.
 */
export function nodeOsOf(podSpec: TreeNode): NodeOs | undefined {
  const selector = last(podSpec, 'nodeSelector')
  if (selector?.kind === 'object') {
    for (const label of OS_LABELS) {
      const found = lastEntry(selector, label)
      const os = text(found?.value)
      if (found && os !== undefined) return { os, via: 'nodeSelector', location: found.keyLocation }
    }
  }
  const required = last(
    last(last(podSpec, 'affinity'), 'nodeAffinity'),
    'requiredDuringSchedulingIgnoredDuringExecution',
  )
  const terms = last(required, 'nodeSelectorTerms')
  if (terms?.kind !== 'array' || terms.items.length === 0) return undefined
  // Terms are alternatives: the pod is pinned only when every term allows the same single OS.
  let pinned: NodeOs | undefined
  for (const term of terms.items) {
    const os = termOs(term)
    if (!os || (pinned && pinned.os !== os.os)) return undefined
    pinned ??= os
  }
  return pinned
}

/** The one OS a node selector term requires (`key: kubernetes.io/os, operator: In, values: [windows]`). */
function termOs(term: TreeNode): NodeOs | undefined {
  const expressions = last(term, 'matchExpressions')
  if (expressions?.kind !== 'array') return undefined
  for (const expression of expressions.items) {
    const keyEntry = lastEntry(expression, 'key')
    const key = text(keyEntry?.value)
    if (!keyEntry || key === undefined || !OS_LABELS.has(key) || text(last(expression, 'operator')) !== 'In') continue
    const values = last(expression, 'values')
    if (values?.kind !== 'array' || values.items.length !== 1) continue
    const os = text(values.items[0])
    if (os !== undefined) return { os, via: 'nodeAffinity', location: keyEntry.keyLocation }
  }
  return undefined
}

/** The pod's labels as a Fargate profile selector sees them; a label whose value is not plain text is symbolic. */
export function podLabelsOf(labels: TreeNode | undefined): PodLabel[] {
  if (labels?.kind !== 'object') return []
  const effective = new Map<string, Value>()
  for (const item of labels.entries) {
    const value = text(item.value)
    effective.set(
      item.key,
      value !== undefined && !/\{\{|\$\{|\$\(/.test(value)
        ? known(value, item.value.location)
        : symbolic(`label ${item.key}`, item.value.location),
    )
  }
  return [...effective].map(([key, value]) => ({ key, value }))
}

/**
 * The webhook's images: public.ecr.aws/eks/pod-identity-webhook (aws/amazon-eks-pod-identity-webhook
 * Makefile, IMAGE_NAME, at 3bf80a34) and amazon/amazon-eks-pod-identity-webhook (its README and older
 * deploy files), with a tag or a digest.
 */
const WEBHOOK_IMAGE = /(^|\/)(amazon-eks-)?pod-identity-webhook(:|@|$)/
const REGION_FLAG = /^--?aws-default-region(=(.*))?$/

/**
 * The self-hosted amazon-eks-pod-identity-webhook containers of a pod spec (its image, or the
 * `/webhook` command with the webhook's own flags), and the region it injects
 * (main.go @3bf80a34: `--aws-default-region`, "If set, AWS_DEFAULT_REGION and AWS_REGION will be set").
 */
export function selfHostedWebhooksOf(podSpec: TreeNode, source: SourceKind): SelfHostedWebhook[] {
  const containers = last(podSpec, 'containers')
  if (containers?.kind !== 'array') return []
  const webhooks: SelfHostedWebhook[] = []
  for (const container of containers.items) {
    if (container.kind !== 'object') continue
    const words = [...listItems(last(container, 'command')), ...listItems(last(container, 'args'))]
    const image = text(last(container, 'image')) ?? ''
    const runsWebhook =
      WEBHOOK_IMAGE.test(image) ||
      (words[0]?.text === '/webhook' &&
        words.some((word) => /^--?(annotation-prefix|token-audience|aws-default-region)\b/.test(word.text)))
    if (!runsWebhook) continue
    const webhook: SelfHostedWebhook = { source, location: container.location }
    const imageNode = last(container, 'image')
    if (image !== '' && imageNode)
      webhook.image = /\{\{|\$\{|\$\(/.test(image)
        ? symbolic(image, imageNode.location)
        : known(image, imageNode.location)
    words.forEach((word, index) => {
      const match = REGION_FLAG.exec(word.text)
      if (!match) return
      const next = words[index + 1]
      const value = match[1] !== undefined ? match[2] : next?.text
      if (value === undefined) return
      webhook.defaultRegion = /\{\{|\$\{|\$\(/.test(value)
        ? symbolic(value, word.node.location)
        : known(value, word.node.location)
    })
    webhooks.push(webhook)
  }
  return webhooks
}

interface Word {
  text: string
  node: TreeNode
}

function listItems(node: TreeNode | undefined): Word[] {
  if (node?.kind !== 'array') return []
  return node.items.flatMap((item) => {
    const value = text(item)
    return value === undefined ? [] : [{ text: value, node: item }]
  })
}

function lastEntry(node: TreeNode | undefined, key: string): ObjectEntry | undefined {
  if (node?.kind !== 'object') return undefined
  for (let index = node.entries.length - 1; index >= 0; index -= 1) {
    const candidate = node.entries[index]
    if (candidate?.key === key) return candidate
  }
  return undefined
}

function last(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return lastEntry(node, key)?.value
}

function text(node: TreeNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.type === 'null' || node.value.kind !== 'known') return undefined
  return node.value.value
}
