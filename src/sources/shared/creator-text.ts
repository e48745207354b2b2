const MAX_CREATOR_TEXT = 256 * 1024

/** A ServiceAccountCreator's text, bounded: it is only searched for a role's name or reference. */
export function creatorText(text: string): string {
  return text.length > MAX_CREATOR_TEXT ? text.slice(0, MAX_CREATOR_TEXT) : text
}
