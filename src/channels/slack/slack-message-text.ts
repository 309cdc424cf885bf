/**
 * Cleans a Slack message for the pipeline: removes mentions of the bot (and any `<@U…>` mention), turns
 * `<https://x|label>` into the label and a bare `<https://x>` into the URL, turns channel references into their
 * names, and decodes the three entities Slack escapes (`&amp;`, `&lt;`, `&gt;`). Whitespace is collapsed.
 */
export function cleanSlackMessage(text: string): string {
  return text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<![^>]*>/g, ' ')
    .replace(/<((?:https?|mailto):[^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
