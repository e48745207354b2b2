import type { CheckAnnotation } from '../report/check-run.js'
import type { GitHubClient } from './client.js'
import { errorText } from '../model/error-text.js'

/** The Checks API takes at most this many annotations per request; each update appends to those already there. */
export const ANNOTATIONS_PER_REQUEST = 50

export interface CheckRunContent {
  name: string
  headSha: string
  title: string
  summary: string
  conclusion: 'success' | 'failure' | 'neutral'
  annotations: readonly CheckAnnotation[]
  detailsUrl?: string
}

export interface PublishedCheckRun {
  id: number
  url: string
}

/** A check run failed after it was created: `annotated` annotations made it. */
export class CheckRunIncompleteError extends Error {
  constructor(
    readonly reason: unknown,
    readonly checkRun: PublishedCheckRun,
    readonly annotated: number,
  ) {
    super(errorText(reason))
  }
}

/**
 * Creates one check run holding every annotation: created in progress with the first 50, updated
 * with 50 more per request, completed with the conclusion on the last one.
 */
export async function publishCheckRun(
  client: GitHubClient,
  { owner, repo }: { owner: string; repo: string },
  content: CheckRunContent,
): Promise<PublishedCheckRun> {
  const repository = { owner, repo }
  const batches: CheckAnnotation[][] = []
  for (let start = 0; start < content.annotations.length; start += ANNOTATIONS_PER_REQUEST) {
    batches.push(content.annotations.slice(start, start + ANNOTATIONS_PER_REQUEST))
  }
  const output = (annotations: CheckAnnotation[] | undefined) => ({
    title: content.title,
    summary: content.summary,
    ...(annotations && annotations.length > 0 ? { annotations } : {}),
  })
  const completion = () => ({
    status: 'completed' as const,
    conclusion: content.conclusion,
    completed_at: new Date().toISOString(),
  })

  const created = await client.rest.checks.create({
    ...repository,
    name: content.name,
    head_sha: content.headSha,
    ...(content.detailsUrl ? { details_url: content.detailsUrl } : {}),
    started_at: new Date().toISOString(),
    ...(batches.length <= 1 ? completion() : { status: 'in_progress' as const }),
    output: output(batches[0]),
  })
  const checkRun: PublishedCheckRun = { id: created.data.id, url: created.data.html_url ?? '' }
  let annotated = batches[0]?.length ?? 0
  try {
    for (const [index, batch] of batches.entries()) {
      if (index === 0) continue
      const last = index === batches.length - 1
      await client.rest.checks.update({
        ...repository,
        check_run_id: checkRun.id,
        output: output(batch),
        ...(last ? completion() : {}),
      })
      annotated += batch.length
    }
  } catch (error) {
    // Never leave the check run in progress: complete it, saying the annotations stop short.
    const note = `\n\n_Only ${annotated} of ${content.annotations.length} annotations could be added to this check run._`
    await client.rest.checks
      .update({
        ...repository,
        check_run_id: checkRun.id,
        ...completion(),
        output: { title: content.title, summary: `${content.summary.slice(0, 65_535 - note.length)}${note}` },
      })
      .catch(() => undefined)
    throw new CheckRunIncompleteError(error, checkRun, annotated)
  }
  return checkRun
}
