/** A Teams mention entity, as found in `activity.entities`. */
export interface MentionEntity {
  type: string;
  text?: string;
  mentioned?: { id?: string; name?: string };
}

/**
 * The question text of a Teams message: the text of every mention entity (`<at>Protocol Bot</at>`) removed, any
 * `<at>…</at>` left over removed too, and whitespace tidied. Mentions of other people keep their name, because
 * "what should I tell <at>Cllr Smith</at>" still needs it.
 */
export function stripMentions(text: string, entities: readonly MentionEntity[], botId: string): string {
  let stripped = text;
  for (const entity of entities) {
    if (entity.type.toLowerCase() !== 'mention' || !entity.text) continue;
    if (entity.mentioned?.id === botId) {
      stripped = stripped.split(entity.text).join(' ');
    } else {
      stripped = stripped.split(entity.text).join(entity.text.replace(/<\/?at[^>]*>/gi, ''));
    }
  }
  return removeAtTags(stripped)
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Drops `<at>…</at>` mentions that came without an entity (and any stray tag). */
function removeAtTags(text: string): string {
  return text.replace(/<at[^>]*>.*?<\/at>/gi, '').replace(/<\/?at[^>]*>/gi, '');
}
