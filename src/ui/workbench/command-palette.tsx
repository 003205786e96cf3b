// The command palette: a view over the command registry in the quick input, never a second list.

import { createSignal } from 'solid-js';
import type { CommandRegistry } from '../../platform/commands';
import type { ReactiveI18n } from '../bindings/i18n';
import { staffMasking } from '../grid/privacy';
import { filterEntries, isApplePlatform, paletteEntries } from './palette-model';
import type { QuickPickProvider } from './workbench-context';

export function makeCommandPalette(deps: { commands: CommandRegistry; i18n: ReactiveI18n }): QuickPickProvider {
  const { commands, i18n } = deps;
  // Registrations change rarely; a signal makes the open palette follow them.
  const [version, setVersion] = createSignal(0);
  commands.onDidChange(() => setVersion((v) => v + 1));
  const apple = isApplePlatform(typeof navigator === 'undefined' ? undefined : navigator.platform);
  return {
    id: 'commands',
    ariaLabel: () => i18n.t('workbench.palette.label'),
    placeholder: () => i18n.t('workbench.palette.placeholder'),
    empty: () => i18n.t('workbench.palette.empty'),
    items(query) {
      version();
      // Staff mode hides the owner's commands (their `when` says `!staffMode`) instead of listing dead entries.
      const staff = staffMasking();
      const shown = staff ? commands.all().filter((c) => !c.when?.includes('!staffMode')) : commands.all();
      const entries = paletteEntries(shown, (k) => i18n.t(k), apple);
      return filterEntries(entries, query, i18n.locale()).map((e) => ({ id: e.id, label: e.label, description: e.keybinding }));
    },
    accept: (item) => void commands.execute(item.id),
  };
}
