import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { type AppManifest, AppManifestUtils } from '@microsoft/app-manifest';
import { afterAll, describe, expect, it } from 'vitest';

const script = path.resolve('scripts/teams-package.mjs');
const outDir = mkdtempSync(path.join(tmpdir(), 'teams-package-'));
const appId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Reads a zip's entries through its local headers (what Teams admin centre reads). */
function readZip(archive: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let at = 0;
  while (archive.readUInt32LE(at) === 0x04034b50) {
    const method = archive.readUInt16LE(at + 8);
    const compressedSize = archive.readUInt32LE(at + 18);
    const size = archive.readUInt32LE(at + 22);
    const nameLength = archive.readUInt16LE(at + 26);
    const extraLength = archive.readUInt16LE(at + 28);
    const name = archive.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extraLength;
    const raw = archive.subarray(start, start + compressedSize);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    expect(data.length).toBe(size);
    entries.set(name, data);
    at = start + compressedSize;
  }
  expect(archive.readUInt32LE(at)).toBe(0x02014b50); // central directory follows
  return entries;
}

describe('npm run teams:package', () => {
  it('zips the manifest with the bot id filled in and both icons at the root', () => {
    const out = path.join(outDir, 'app.zip');
    execFileSync('node', [script], {
      env: { ...process.env, MICROSOFT_APP_ID: appId, TEAMS_PACKAGE_OUT: out },
    });
    const entries = readZip(readFileSync(out));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}');
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0].botId).toBe(appId);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    const color = entries.get('color.png');
    const outline = entries.get('outline.png');
    expect([color?.readUInt32BE(16), color?.readUInt32BE(20)]).toEqual([192, 192]);
    expect([outline?.readUInt32BE(16), outline?.readUInt32BE(20)]).toEqual([32, 32]);
  });

  it('builds a manifest that passes the official Teams app manifest schema (offline, @microsoft/app-manifest)', async () => {
    const out = path.join(outDir, 'validated.zip');
    execFileSync('node', [script], {
      env: { ...process.env, MICROSOFT_APP_ID: appId, TEAMS_PACKAGE_OUT: out },
    });
    const manifest = JSON.parse(readZip(readFileSync(out)).get('manifest.json')?.toString('utf8') ?? '{}');
    expect(manifest.manifestVersion).toBe('1.19');
    expect(await AppManifestUtils.validateAgainstSchema(manifest as AppManifest)).toEqual([]);

    // The same check catches what Teams admin centre would reject.
    const broken = structuredClone(manifest);
    broken.description.short =
      'Answers questions on how councillors and officers work together, citing the protocol.';
    broken.bots[0].commandLists[0].commands[0].title = 'How fast must I answer a councillor’s email?';
    const errors = await AppManifestUtils.validateAgainstSchema(broken as AppManifest);
    expect(errors).toEqual([
      expect.stringMatching(/^\/description\/short must NOT have more than 80 characters/),
      expect.stringMatching(
        /^\/bots\/0\/commandLists\/0\/commands\/0\/title must NOT have more than 32 characters/,
      ),
    ]);
  });

  it('refuses to package without a valid MICROSOFT_APP_ID', () => {
    const result = spawnSync('node', [script], {
      env: { ...process.env, MICROSOFT_APP_ID: '', TEAMS_PACKAGE_OUT: path.join(outDir, 'none.zip') },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MICROSOFT_APP_ID');
  });
});
