/** Slack's limit on the text of one section block. */
export const MAX_SECTION_CHARS = 3000;
/** Slack's limit on blocks in one message. */
export const MAX_MESSAGE_BLOCKS = 50;
/** Slack's limit on a message's top-level text. */
export const MAX_MESSAGE_TEXT_CHARS = 40_000;

/**
 * Escapes the three characters Slack treats as control characters in message text, so user or corpus text can
 * never form a mention, a channel ping (`<!channel>`) or a link. A `&gt;` at the start of a line still renders as a
 * block quote.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Converts the plain text / light markdown the pipeline writes into Slack mrkdwn: escapes &, <, >, turns
 * `**bold**` into `*bold*`, `# Heading` into a bold line, `- item` into a bullet, and `[label](https://…)` into a
 * Slack link.
 */
export function toSlackMrkdwn(text: string): string {
  return escapeSlackText(text.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((line) =>
      line
        .replace(/^#{1,6}\s+(.+?)\s*#*$/, '*$1*')
        .replace(/^(\s*)[-*]\s+/, '$1• ')
        .replace(/\*\*(.+?)\*\*/g, '*$1*')
        .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)|]+)\)/g, '<$2|$1>'),
    )
    .join('\n');
}

/** Plain text for a notification or a `plain_text` field: entities decoded, markdown links reduced to labels. */
export function toPlainText(text: string, limit: number): string {
  const plain = text.replace(/\[([^\]]+)\]\((?:[^)]+)\)/g, '$1').replace(/\*\*(.+?)\*\*/g, '$1');
  return truncate(plain, limit);
}

/** Cuts `text` to at most `limit` characters at a word boundary, ending with an ellipsis when cut. */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > limit / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * Splits mrkdwn into pieces of at most `limit` characters: at paragraph breaks first, then line breaks, then
 * spaces, and only as a last resort inside a word — never inside an `&amp;`-style entity or a `<…>` link.
 */
export function splitMrkdwn(text: string, limit: number = MAX_SECTION_CHARS): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = lastBreak(window, '\n\n', limit);
    if (cut <= 0) cut = lastBreak(window, '\n', limit);
    if (cut <= 0) cut = lastBreak(window, ' ', limit);
    if (cut <= 0) cut = safeHardCut(window);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function lastBreak(window: string, separator: string, limit: number): number {
  const at = window.lastIndexOf(separator);
  // A break in the first fifth would leave a tiny piece; prefer a finer separator further on.
  return at > limit / 5 ? at : -1;
}

function safeHardCut(window: string): number {
  let cut = window.length;
  const openEntity = window.lastIndexOf('&');
  if (openEntity !== -1 && !window.slice(openEntity).includes(';')) cut = openEntity;
  const openLink = window.lastIndexOf('<', cut);
  if (openLink !== -1 && !window.slice(openLink, cut).includes('>')) cut = openLink;
  return cut > 0 ? cut : window.length;
}
