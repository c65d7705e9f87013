/**
 * The text a reader sees of some HTML, tags removed: for assertions on sentences whose parts
 * carry their own markup (a reason under `lang="de"`, a title in a link).
 */
export function pageText(html: string): string {
  return html.replace(/<[^>]*>/g, '')
}
