import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProtocolBotError } from '../errors.js';

/** The prompt texts, read once at start-up from `prompts/`. */
export interface Prompts {
  /** System message for answering: the rules (answer only from the clauses, cite, quote verbatim, neutrality…). */
  system: string;
  /** The user turn for answering; mustache placeholders `{{question}}`, `{{clauses}}` and `{{classifier}}`. */
  answer: string;
  /** The whole condensing request; placeholders `{{history}}` and `{{question}}`. */
  condense: string;
}

const files = { system: 'system.md', answer: 'answer.md', condense: 'condense.md' } as const;

/**
 * Reads the prompt files from `directory` (default: `prompts/` at the package root, found by walking up from this
 * module, so it works from `src/` under vitest and from `dist/` after a build). A missing or empty file throws
 * `config_invalid` naming it.
 */
export function loadPrompts(directory: string = defaultPromptDirectory()): Prompts {
  const read = (name: string) => {
    const file = path.join(directory, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch (cause) {
      throw new ProtocolBotError(
        'config_invalid',
        `${file}: cannot read prompt (${(cause as Error).message})`,
        {
          cause,
        },
      );
    }
    if (text === '') throw new ProtocolBotError('config_invalid', `${file}: prompt is empty`);
    return text;
  };
  return { system: read(files.system), answer: read(files.answer), condense: read(files.condense) };
}

/** `prompts/` in the nearest folder above this module that holds a package.json. */
export function defaultPromptDirectory(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(folder, 'package.json'))) return path.join(folder, 'prompts');
    const parent = path.dirname(folder);
    if (parent === folder) {
      throw new ProtocolBotError(
        'config_invalid',
        'prompts/: cannot find the package root above the llm module',
      );
    }
    folder = parent;
  }
}
