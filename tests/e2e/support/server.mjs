// Starts a private `regie serve` on demo data for one test file.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policiesDir, webDist } from './paths.mjs';

function regieBin() {
  const bin = process.env.REGIE_BIN;
  if (!bin) throw new Error('Set REGIE_BIN to the regie binary (e.g. build/dev/src/app/regie).');
  if (!existsSync(bin)) throw new Error(`REGIE_BIN does not exist: ${bin}`);
  return bin;
}

function run(bin, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`regie ${args[0]} exited with ${code}: ${stderr}`)),
    );
  });
}

/** A port that was free a moment ago: bind port 0, read it, let it go. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`regie serve exited with ${child.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`regie serve did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

/**
 * A fresh, empty database for one test file: SQLite in `dir`, or, when
 * REGIE_E2E_PG_URL names a PostgreSQL server, a new database on it that
 * `drop` removes again (with psql, which comes with the server).
 */
async function freshDatabase(dir) {
  const server = process.env.REGIE_E2E_PG_URL;
  if (!server) return { url: `sqlite:${join(dir, 'regie.db')}`, drop: async () => {} };
  const name = `regie_e2e_${process.pid}_${Date.now()}`;
  const psql = (sql) =>
    new Promise((resolve, reject) => {
      const child = spawn('psql', [server, '-v', 'ON_ERROR_STOP=1', '-qc', sql], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql: ${stderr}`))));
    });
  await psql(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Creates a temporary database (SQLite, or PostgreSQL with REGIE_E2E_PG_URL)
 * with 30 demo households in 2 tenants
 * and demo users of every role (see support/session.mjs),
 * serves it with the built web UI on a free loopback port, and returns its
 * base URL, a stop function that ends the server and removes the data, and
 * `cli(args)` to run a `regie` subcommand on the same database.
 * `serveArgs({ baseUrl, dir })`, when given, returns extra `regie serve`
 * arguments (e.g. `--oidc FILE` written into `dir` for this `baseUrl`).
 */
export async function startRegie({ serveArgs } = {}) {
  const bin = regieBin();
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(`${webDist} has no index.html: run "npm run build" in web/ first.`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'regie-e2e-'));
  const database = await freshDatabase(dir);
  const db = database.url;
  // The key that seals TOTP seeds: demo writes with it, serve reads with it.
  const key = join(dir, 'regie.key');
  try {
    await run(bin, [
      'demo',
      '--db',
      db,
      '--key-file',
      key,
      '--policies',
      policiesDir,
      '--households',
      '30',
      '--seed',
      '1',
      '--tenants',
      '2',
    ]);
  } catch (error) {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Extra `regie serve` arguments that need the address or a file in the
  // data directory (e.g. --oidc with this server's redirect URI).
  const extra = serveArgs ? await serveArgs({ baseUrl, dir }) : [];
  const child = spawn(
    bin,
    [
      'serve',
      '--db',
      db,
      '--key-file',
      key,
      '--listen',
      `127.0.0.1:${port}`,
      '--web-root',
      webDist,
      '--policies',
      policiesDir,
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk).slice(-20000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', resolve));

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, () => log, 20000);
  } catch (error) {
    await stop();
    throw error;
  }
  // A command-line call on the same database and key (e.g. `handover trust`);
  // resolves to its standard output.
  const cli = (args) => run(bin, [...args, '--db', db, '--key-file', key]);
  return { baseUrl, stop, log: () => log, cli };
}
