// Runs the calling script again inside a network namespace that has only loopback (as root, via
// unshare), so two local Chromiums use 127.0.0.1 ICE candidates and nothing leaves the machine.
// Returns only when it could not (not root, no unshare): the caller then runs in the host network.

import { spawnSync } from 'node:child_process';

export function reexecInLoopbackNetns(scriptPath, args) {
  if (process.env.CLIENTELA_NETNS !== undefined || process.getuid?.() !== 0) return;
  const r = spawnSync('unshare', ['--net', '--', 'bash', '-c', 'ip link set lo up && exec "$@"', '_', process.execPath, scriptPath, ...args], {
    stdio: 'inherit',
    env: { ...process.env, CLIENTELA_NETNS: '1' },
  });
  if (r.error === undefined && r.status !== null) process.exit(r.status);
  console.warn('could not enter a loopback-only network namespace; running in the host network');
}
