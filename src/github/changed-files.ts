import type { GitHubClient } from './client.js'

/** GitHub lists at most this many files of a pull request; a longer list is cut without a sign. */
export const PULL_REQUEST_FILES_LIMIT = 3000

export interface ChangedFiles {
  /** Repository-relative paths a pull request adds, modifies, renames (both names) or removes. */
  paths: Set<string>
  /** True when GitHub may have left files off (the list reached its limit). */
  incomplete: boolean
}

/** The files a pull request changes, read page by page (100 a page). */
export async function listChangedFiles(
  client: GitHubClient,
  repository: { owner: string; repo: string },
  pullNumber: number,
): Promise<ChangedFiles> {
  const files = await client.paginate(client.rest.pulls.listFiles, {
    owner: repository.owner,
    repo: repository.repo,
    pull_number: pullNumber,
    per_page: 100,
  })
  const paths = new Set<string>()
  for (const file of files) {
    paths.add(file.filename)
    if (file.previous_filename) paths.add(file.previous_filename)
  }
  return { paths, incomplete: files.length >= PULL_REQUEST_FILES_LIMIT }
}
