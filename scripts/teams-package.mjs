// Builds the Teams app package teams/protocol-bot-teams.zip: manifest.json (with the bot's MICROSOFT_APP_ID filled
// in), color.png and outline.png at the root of the zip, as Teams admin centre expects. No zip package needed:
// a stored-or-deflated zip is a few headers around node's zlib output.
//
// Usage: MICROSOFT_APP_ID=<guid> npm run teams:package   (optional: TEAMS_PACKAGE_OUT=path/to.zip)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const teamsDir = path.join(root, 'teams');
const output = path.resolve(process.env.TEAMS_PACKAGE_OUT ?? path.join(teamsDir, 'protocol-bot-teams.zip'));
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(message) {
  console.error(`teams:package: ${message}`);
  process.exit(1);
}

const appId = (process.env.MICROSOFT_APP_ID ?? '').trim();
if (!guid.test(appId)) {
  fail(
    'MICROSOFT_APP_ID must be the Azure Bot registration’s application (client) id, a GUID such as 00000000-0000-0000-0000-000000000000',
  );
}

const placeholder = '$' + '{{MICROSOFT_APP_ID}}';
const template = readFileSync(path.join(teamsDir, 'manifest.json'), 'utf8');
const manifestText = template.replaceAll(placeholder, appId);
const manifest = JSON.parse(manifestText);
if (manifest.id !== appId || manifest.bots?.[0]?.botId !== appId)
  fail(`manifest.json must use ${placeholder} for id and botId`);

function pngSize(file) {
  const data = readFileSync(file);
  if (data.subarray(1, 4).toString('ascii') !== 'PNG') fail(`${file} is not a PNG`);
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}
for (const [name, size] of [
  ['color.png', 192],
  ['outline.png', 32],
]) {
  const [width, height] = pngSize(path.join(teamsDir, name));
  if (width !== size || height !== size)
    fail(`teams/${name} must be ${size}×${size}, not ${width}×${height}`);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip archive (deflate, no zip64) of `entries` ({ name, data }), with a fixed timestamp so builds are repeatable. */
function zip(entries) {
  const dosTime = 0; // 00:00:00
  const dosDate = ((2026 - 1980) << 9) | (1 << 5) | 1; // 2026-01-01
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

const archive = zip([
  { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
  { name: 'color.png', data: readFileSync(path.join(teamsDir, 'color.png')) },
  { name: 'outline.png', data: readFileSync(path.join(teamsDir, 'outline.png')) },
]);
writeFileSync(output, archive);
console.log(
  `wrote ${path.relative(process.cwd(), output) || output} (${archive.length} bytes) for bot ${appId}`,
);
