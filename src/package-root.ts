import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProtocolBotError } from './errors.js';

/**
 * The installed package's root: the nearest folder above this module that holds a package.json. Works from `src/`
 * under vitest and from `dist/src/` after a build; shipped data (models/, prompts/) is found from here.
 */
export function packageRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(folder, 'package.json'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) throw new ProtocolBotError('config_invalid', 'cannot find the package root');
    folder = parent;
  }
}

/** A file the package ships under `models/`. */
export function shippedModelPath(name: string): string {
  return path.join(packageRoot(), 'models', name);
}
