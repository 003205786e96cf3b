// Trust notices: on iPad Safari (not on the Home Screen) the "add to Home Screen" explanation is
// shown once; opened from the Home Screen (standalone) it is not.

import { assert } from './lib.mjs';

const IPAD_UA = 'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

async function asIpad(t, standalone) {
  await t.context.addInitScript(
    ([ua, standalone]) => {
      Object.defineProperty(navigator, 'userAgent', { get: () => ua });
      Object.defineProperty(navigator, 'maxTouchPoints', { get: () => 5 });
      Object.defineProperty(navigator, 'standalone', { get: () => standalone });
    },
    [IPAD_UA, standalone],
  );
}

export const tests = [
  {
    name: 'iPad Safari: the Home Screen note is shown once',
    async run(t) {
      await asIpad(t, false);
      await t.open('/');
      const note = t.page.getByRole('dialog', { name: 'Add Clientela to your Home Screen' });
      await note.waitFor();
      await note.getByText(/deletes the data of a website that has not been opened for 7 days/).waitFor();
      await t.screenshot('trust-ios-note');
      await t.tap(note.getByRole('button', { name: 'Got It' }));
      await note.waitFor({ state: 'hidden' });
      await t.page.waitForTimeout(300); // the "shown" flag is written to the device store
      await t.reload();
      await t.page.waitForTimeout(1000);
      assert.equal(await note.count(), 0, 'not shown a second time');
    },
  },
  {
    name: 'iPad opened from the Home Screen, or a desktop browser: no note',
    sizes: ['tablet'],
    async run(t) {
      await asIpad(t, true);
      await t.open('/');
      await t.page.waitForTimeout(1500);
      assert.equal(await t.page.getByTestId('ios-note').count(), 0);
    },
  },
];
