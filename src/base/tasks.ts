// Yielding to the event loop: a task of its own right after the current one.

/** Runs `fn` in a task of its own after the current one: a message, not a timer (nested timers are
 * clamped to 4 ms). Without MessageChannel, a timer. */
export function afterCurrentTask(fn: () => void): void {
  if (typeof MessageChannel === 'undefined') return void setTimeout(fn, 0);
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    ch.port1.close();
    fn();
  };
  ch.port2.postMessage(undefined);
}

/** Resolves in a task of its own after the current one (see `afterCurrentTask`). */
export const nextTask = (): Promise<void> => new Promise((resolve) => afterCurrentTask(resolve));
