import type { types } from '@slack/bolt';
import { MAX_SECTION_CHARS, splitMrkdwn, truncate } from './slack-mrkdwn.js';

/** Slack's limit on a button label. */
const MAX_BUTTON_LABEL_CHARS = 75;
/** Slack's limit on one context element. */
const MAX_CONTEXT_CHARS = 3000;

/** Section blocks holding `mrkdwn`, split so no section exceeds Slack's 3000-character limit. */
export function sections(mrkdwn: string): types.SectionBlock[] {
  return splitMrkdwn(mrkdwn, MAX_SECTION_CHARS).map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text },
  }));
}

/** A context block of small mrkdwn lines (warnings, case status). */
export function context(lines: string[]): types.ContextBlock {
  return {
    type: 'context',
    elements: lines.slice(0, 10).map((line) => ({ type: 'mrkdwn', text: truncate(line, MAX_CONTEXT_CHARS) })),
  };
}

/** A button; `style` colours it (primary green, danger red). */
export function button(options: {
  actionId: string;
  label: string;
  value: string;
  style?: 'primary' | 'danger';
}): types.Button {
  return {
    type: 'button',
    action_id: options.actionId,
    text: { type: 'plain_text', text: truncate(options.label, MAX_BUTTON_LABEL_CHARS), emoji: true },
    value: options.value,
    ...(options.style ? { style: options.style } : {}),
  };
}

/** A header block (plain text, at most 150 characters). */
export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, 150), emoji: true } };
}
