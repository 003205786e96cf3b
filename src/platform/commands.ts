// The one command registry. Menus, the palette, shortcuts and buttons all run commands from here;
// the palette is a view over this registry, never a second list.

import { Emitter, toDisposable, type Disposable } from '../base/event';
import type { ContextKeys } from './context-keys';

export type Command = {
  /** `area.verbNoun`, e.g. `customers.add`. */
  readonly id: string;
  /** i18n key of the title ("New Customer"). */
  readonly title: string;
  /** i18n key of the category ("Customers"); the palette shows "Category: Title". */
  readonly category: string;
  /** Shortcuts like `Ctrl+Shift+P`, `F1`, `Ctrl+Z` (Ctrl means Cmd on a Mac). */
  readonly keybinding?: string | readonly string[];
  /** A context-key expression (`gridFocus && !editing`); the command is enabled only when it holds. */
  readonly when?: string;
  /** Hidden from the palette (e.g. commands that only make sense from a key or a menu). */
  readonly hideInPalette?: boolean;
  readonly run: (args?: unknown) => unknown;
};

export interface CommandRegistry {
  register(command: Command): Disposable;
  get(id: string): Command | undefined;
  all(): readonly Command[];
  isEnabled(id: string): boolean;
  /** Runs a command if it exists and its `when` holds; returns whether it ran. */
  execute(id: string, args?: unknown): boolean;
  readonly onDidChange: (listener: (v: void) => void) => Disposable;
}

export function createCommandRegistry(contextKeys: ContextKeys): CommandRegistry {
  const commands = new Map<string, Command>();
  const changed = new Emitter<void>();
  const isEnabled = (id: string) => {
    const c = commands.get(id);
    return !!c && (!c.when || contextKeys.evaluate(c.when));
  };
  return {
    register(command) {
      if (commands.has(command.id)) throw new Error(`command ${command.id} registered twice`);
      commands.set(command.id, command);
      changed.fire();
      return toDisposable(() => {
        commands.delete(command.id);
        changed.fire();
      });
    },
    get: (id) => commands.get(id),
    all: () => [...commands.values()],
    isEnabled,
    execute(id, args) {
      const c = commands.get(id);
      if (!c || !isEnabled(id)) return false;
      void c.run(args);
      return true;
    },
    onDidChange: changed.event,
  };
}
