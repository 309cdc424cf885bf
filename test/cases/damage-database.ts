import { closeSync, openSync, statSync, writeSync } from 'node:fs';

/** Overwrites every page after the first two with garbage, as a failing disk or a bad copy would. */
export function damageDatabaseFile(file: string): void {
  const pageSize = 4096;
  const size = statSync(file).size;
  if (size <= pageSize * 3)
    throw new Error(`${file} is too small to damage past its first pages (${size} bytes)`);
  const descriptor = openSync(file, 'r+');
  try {
    writeSync(descriptor, Buffer.alloc(size - pageSize * 2, 0x5a), 0, size - pageSize * 2, pageSize * 2);
  } finally {
    closeSync(descriptor);
  }
}
