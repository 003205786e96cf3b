// A helper of the parse worker: normalises phone numbers on the machine's other core while the
// parse worker does its own share (phone-prewarm.ts). Gets only strings; sends back what
// `normalizePhone` answers for each, so the parse worker's cache holds the very same answers.

import { normalizePhone } from '../map/phone';
import type { PhoneDone, PhoneJob } from './phone-prewarm';

type Scope = { onmessage: ((e: MessageEvent<PhoneJob>) => void) | null; postMessage(msg: PhoneDone): void };
const scope = self as unknown as Scope;

scope.onmessage = (e) => {
  const { id, texts, country } = e.data;
  scope.postMessage({ id, out: texts.map((t) => normalizePhone(t, country) ?? null) });
};
