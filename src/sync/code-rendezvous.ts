// Pairing with a short code through a relay: the device showing the code waits on the code's
// topic; the device that typed it asks there; the first hands over the pairing, encrypted with the
// code's key. A code pairs one device, then the showing side stops listening.

import { randomId } from '../base/id';
import type { Disposable } from '../base/event';
import { decryptJson, encryptJson } from './crypto';
import { isDevice, isPairing, rendezvousOf, type DeviceInfo, type Pairing } from './pairing';
import type { SignalingClient } from './signaling-client';

type JoinMsg = { t: 'join'; dev: DeviceInfo; n: string };
type PairMsg = { t: 'pairing'; to: string; dev: DeviceInfo; p: Pairing; n: string };

async function listen(relays: readonly SignalingClient[], code: string, onMsg: (m: unknown) => void) {
  const { topic, key } = await rendezvousOf(code);
  const subs = relays.map((r) =>
    r.subscribe(topic, (data) => {
      if (typeof data === 'string') decryptJson(key, data).then(onMsg, () => undefined);
    }),
  );
  const publish = async (msg: JoinMsg | PairMsg) => {
    const data = await encryptJson(key, msg);
    for (const r of relays) r.publish(topic, data);
  };
  return { publish, dispose: () => subs.forEach((s) => s.dispose()) };
}

/** Shows-the-code side. `onPaired` runs once, when a device took the pairing. */
export async function offerPairingByCode(o: {
  relays: readonly SignalingClient[];
  code: string;
  pairing: Pairing;
  local: DeviceInfo;
  onPaired: (remote: DeviceInfo) => void;
}): Promise<Disposable> {
  let done = false;
  const channel = await listen(o.relays, o.code, (m) => {
    const msg = m as Partial<JoinMsg>;
    if (done || msg.t !== 'join' || !isDevice(msg.dev) || msg.dev.id === o.local.id) return;
    done = true;
    const remote = msg.dev;
    void channel.publish({ t: 'pairing', to: remote.id, dev: o.local, p: o.pairing, n: randomId(8) }).then(() => {
      // Keep answering a little longer in case the first answer was lost, then close the door.
      setTimeout(() => channel.dispose(), 5000);
      o.onPaired(remote);
    });
  });
  return { dispose: () => channel.dispose() };
}

/** Typed-the-code side: asks every `retryMs` until the other device answers or `timeoutMs` passes. */
export async function joinPairingByCode(o: {
  relays: readonly SignalingClient[];
  code: string;
  local: DeviceInfo;
  timeoutMs?: number;
  retryMs?: number;
}): Promise<{ pairing: Pairing; remote: DeviceInfo }> {
  let resolve!: (v: { pairing: Pairing; remote: DeviceInfo }) => void;
  const result = new Promise<{ pairing: Pairing; remote: DeviceInfo }>((r) => (resolve = r));
  const channel = await listen(o.relays, o.code, (m) => {
    const msg = m as Partial<PairMsg>;
    if (msg.t === 'pairing' && msg.to === o.local.id && isDevice(msg.dev) && isPairing(msg.p)) resolve({ pairing: msg.p, remote: msg.dev });
  });
  const ask = () => void channel.publish({ t: 'join', dev: o.local, n: randomId(8) });
  ask();
  const retry = setInterval(ask, o.retryMs ?? 2000);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), o.timeoutMs ?? 60_000);
  });
  try {
    return await Promise.race([result, timeout]);
  } finally {
    clearInterval(retry);
    clearTimeout(timer);
    channel.dispose();
  }
}
