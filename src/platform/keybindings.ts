// Shortcuts: parse "Ctrl+Shift+P" and match keyboard events; dispatch to the command registry.

import { toDisposable, type Disposable } from '../base/event';
import type { CommandRegistry } from './commands';

export type KeyChord = { readonly ctrl: boolean; readonly shift: boolean; readonly alt: boolean; readonly key: string };

export function parseChord(text: string): KeyChord {
  const parts = text.split('+').map((p) => p.trim());
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return { ctrl: mods.has('ctrl') || mods.has('cmd'), shift: mods.has('shift'), alt: mods.has('alt'), key: key.toLowerCase() };
}

export function matchesChord(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, chord: KeyChord): boolean {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key.toLowerCase();
  return (
    key === chord.key &&
    (e.ctrlKey || e.metaKey) === chord.ctrl &&
    e.shiftKey === chord.shift &&
    e.altKey === chord.alt
  );
}

/** How a shortcut is shown to the user (⌘ on Apple devices). */
export function formatChord(text: string, apple = false): string {
  return text
    .split('+')
    .map((p) => (p === 'Ctrl' && apple ? '⌘' : p))
    .join(apple ? '' : '+');
}

/** Listens on `target` and runs the first enabled command bound to the pressed chord. */
export function bindKeybindings(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, registry: CommandRegistry): Disposable {
  const onKey = (e: Event) => {
    const ke = e as KeyboardEvent;
    if (ke.defaultPrevented || ke.isComposing) return;
    for (const c of registry.all()) {
      if (!c.keybinding) continue;
      const chords = typeof c.keybinding === 'string' ? [c.keybinding] : c.keybinding;
      if (chords.some((k) => matchesChord(ke, parseChord(k))) && registry.isEnabled(c.id)) {
        ke.preventDefault();
        ke.stopPropagation();
        registry.execute(c.id);
        return;
      }
    }
  };
  target.addEventListener('keydown', onKey, true);
  return toDisposable(() => target.removeEventListener('keydown', onKey, true));
}
