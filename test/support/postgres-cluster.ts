import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Where Debian installs PostgreSQL 15's server binaries. */
const binaries = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** A throwaway PostgreSQL cluster on 127.0.0.1, owned by one test file (or one bench run). */
export interface PostgresCluster {
  /** The cluster's port on 127.0.0.1. */
  readonly port: number;
  /** A connection URL for `database` (default `postgres`). */
  url(database?: string): string;
  /** Creates an empty database with a fresh name and returns its URL (cheap: one per test). */
  createDatabase(): Promise<string>;
  /** Stops the server at once, keeping its data (a database outage, as clients see it). */
  halt(): Promise<void>;
  /** Starts a halted server again on the same port. */
  resume(): Promise<void>;
  /** Stops the server at once and removes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts a cluster of its own: `initdb` into a temporary folder, `pg_ctl start` on a free loopback port. The
 * server refuses to run as root, so when this process is root the folder is handed to the `postgres` user and the
 * binaries run as that user. Durability settings are off: the data is thrown away, and tests should not wait for
 * the disk.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const folder = mkdtempSync(path.join(tmpdir(), 'protocol-bot-pg-'));
  const dataDir = path.join(folder, 'data');
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const owner = await run('id', ['-u', 'postgres']);
    const group = await run('id', ['-g', 'postgres']);
    chownSync(folder, Number(owner.stdout.trim()), Number(group.stdout.trim()));
  }
  const command = async (program: string, args: string[]) => {
    const line = [path.join(binaries, program), ...args].map(quote).join(' ');
    if (asRoot) await run('su', ['postgres', '-s', '/bin/sh', '-c', line]);
    else await run('/bin/sh', ['-c', line]);
  };
  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      await command('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await command('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${folder}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    const start = async () => {
      await command('pg_ctl', [
        '-D',
        dataDir,
        '-o',
        options,
        '-l',
        path.join(folder, 'server.log'),
        '-w',
        'start',
      ]);
      started = true;
    };
    await start();
    const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
    let databases = 0;
    return {
      port,
      url,
      async createDatabase() {
        databases += 1;
        const name = `test_${process.pid}_${databases}`;
        const client = new pg.Client({ connectionString: url() });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return url(name);
      },
      // A fast (clean) stop: with synchronous_commit=off an immediate one can lose the last commits, such as the
      // migrations a replica ran a moment before, which is not the outage the tests mean to show.
      async halt() {
        started = false;
        await command('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      },
      resume: start,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function quote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
