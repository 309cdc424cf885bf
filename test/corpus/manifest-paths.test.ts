import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/document-manifest.js';

let root: string;
let corpusDir: string;

const entry = (id: string, file: string) => ({
  id,
  file,
  title: 'Member/Officer Protocol',
  shortTitle: 'our protocol',
  council: 'Anytown Borough Council',
  kind: 'protocol',
  status: 'adopted',
});

function writeManifest(...documents: Array<ReturnType<typeof entry>>): void {
  writeFileSync(path.join(corpusDir, 'manifest.json'), JSON.stringify({ documents }));
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'protocol-bot-manifest-'));
  corpusDir = path.join(root, 'corpus');
  mkdirSync(path.join(corpusDir, 'texts'), { recursive: true });
  writeFileSync(
    path.join(corpusDir, 'texts', 'protocol.txt'),
    '1. Officers must reply within two working days.\n',
  );
  // A file the manifest must never reach: beside the corpus folder, not in it.
  writeFileSync(path.join(root, 'secret.txt'), 'root:x:0:0:root:/root:/bin/bash\n');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('manifest entries whose file is outside CORPUS_DIR', () => {
  it('reads files inside the corpus folder, subfolders included', () => {
    writeManifest(entry('our-protocol', 'texts/protocol.txt'));
    expect(loadCorpus(corpusDir).map((document) => document.meta.id)).toEqual(['our-protocol']);
  });

  it.each([
    ['a path climbing out', '../secret.txt'],
    ['a path climbing out through a subfolder', 'texts/../../secret.txt'],
    ['an absolute path', path.join(tmpdir(), 'secret.txt')],
    ['/etc/passwd', '../../../../../../../../etc/passwd'],
  ])('rejects %s, naming the entry', (_name, file) => {
    writeManifest(entry('our-protocol', 'texts/protocol.txt'), entry('intruder', file));
    expect(() => loadCorpus(corpusDir)).toThrowError(
      /documents\.1\.file: ".*" of document "intruder" is outside the corpus folder/,
    );
  });
});
