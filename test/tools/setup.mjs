#!/usr/bin/env node
// Makes sure the machine can run the browser tests and the benchmark: Chromium at /usr/bin/chromium
// and CJK fonts (so Chinese renders in screenshots). Idempotent: does nothing when both are there.
// Installs with apt-get (CI runs as root on Debian); exits non-zero with a clear message otherwise.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function log(msg) {
  console.log(`setup: ${msg}`);
}

function fail(msg) {
  console.error(`setup: ERROR: ${msg}`);
  process.exit(1);
}

function hasPackage(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

const missing = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
const hasDpkg = spawnSync('dpkg-query', ['--version']).status === 0;
if (hasDpkg && !hasPackage('fonts-noto-cjk')) missing.push('fonts-noto-cjk');

if (missing.length === 0) {
  log(`${CHROMIUM} and CJK fonts present; nothing to do.`);
  process.exit(0);
}

if (!hasDpkg || spawnSync('apt-get', ['--version']).status !== 0)
  fail(`missing ${missing.join(', ')} and apt-get is not available; install Chromium at ${CHROMIUM} yourself.`);
if (typeof process.getuid === 'function' && process.getuid() !== 0)
  fail(`missing ${missing.join(', ')}; run as root or: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);

const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  log('running apt-get update');
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  log(`running apt-get install -y ${missing.join(' ')}`);
  execFileSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
} catch (e) {
  fail(`apt-get failed (${e.message}). Install ${missing.join(', ')} by hand and run again.`);
}
if (!existsSync(CHROMIUM)) fail(`installed chromium but ${CHROMIUM} is still missing.`);
log(`installed ${missing.join(', ')}.`);
