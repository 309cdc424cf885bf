import { describe, expect, it } from 'vitest';
import { cleanSlackMessage } from '../../../src/channels/slack/slack-message-text.js';

describe('cleanSlackMessage', () => {
  it('strips the bot mention, decodes entities and turns links into their labels', () => {
    expect(
      cleanSlackMessage(
        '<@U0BOT> can I use the <https://intranet.example/tpl|report template> for Q&amp;A &lt;urgent&gt;?',
      ),
    ).toBe('can I use the report template for Q&A <urgent>?');
  });

  it('reduces a message that is only a mention to nothing', () => {
    expect(cleanSlackMessage('  <@U0BOT>  ')).toBe('');
  });

  it('keeps channel names and bare URLs', () => {
    expect(cleanSlackMessage('see <#C123|governance> and <https://x.example/a>')).toBe(
      'see #governance and https://x.example/a',
    );
  });
});
