import { describe, expect, it, vi } from 'vitest';
import { createCommandRegistry } from '../../src/platform/commands';
import { createContextKeys } from '../../src/platform/context-keys';
import { bindKeybindings, formatChord, matchesChord, parseChord } from '../../src/platform/keybindings';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('context keys', () => {
  it('evaluates &&, ||, ! and string comparisons', () => {
    const keys = createContextKeys();
    keys.set('gridFocus', true);
    keys.set('activeSheet', 'customers');
    expect(keys.evaluate('gridFocus && !gridEditing')).toBe(true);
    expect(keys.evaluate("activeSheet == 'customers'")).toBe(true);
    expect(keys.evaluate("activeSheet != 'customers'")).toBe(false);
    expect(keys.evaluate("activeSheet == 'purchases' || gridFocus")).toBe(true);
    keys.set('gridEditing', true);
    expect(keys.evaluate('gridFocus && !gridEditing')).toBe(false);
  });
});

describe('keybindings', () => {
  it('parses and matches chords, Cmd standing for Ctrl', () => {
    expect(matchesChord(key('P', { ctrlKey: true, shiftKey: true }), parseChord('Ctrl+Shift+P'))).toBe(true);
    expect(matchesChord(key('p', { metaKey: true }), parseChord('Ctrl+P'))).toBe(true);
    expect(matchesChord(key('p', { ctrlKey: true, shiftKey: true }), parseChord('Ctrl+P'))).toBe(false);
    expect(matchesChord(key('F1'), parseChord('F1'))).toBe(true);
    expect(matchesChord(key('b', { ctrlKey: true }), parseChord('Ctrl+B'))).toBe(true);
    expect(formatChord('Ctrl+Shift+P')).toBe('Ctrl+Shift+P');
    expect(formatChord('Ctrl+P', true)).toBe('⌘P');
  });

  it('dispatches a key to the first enabled command bound to it', () => {
    const keys = createContextKeys();
    const commands = createCommandRegistry(keys);
    const palette = vi.fn();
    const inGrid = vi.fn();
    commands.register({ id: 'workbench.showCommands', title: 't', category: 'c', keybinding: ['F1', 'Ctrl+Shift+P'], run: palette });
    commands.register({ id: 'edit.fillDown', title: 't', category: 'c', keybinding: 'Ctrl+D', when: 'gridFocus', run: inGrid });
    let listener: ((e: Event) => void) | undefined;
    const target = { addEventListener: (_: string, l: (e: Event) => void) => (listener = l), removeEventListener: vi.fn() };
    const binding = bindKeybindings(target as never, commands);
    const fire = (e: ReturnType<typeof key>) => {
      const ev = { ...e, defaultPrevented: false, isComposing: false, preventDefault: vi.fn(), stopPropagation: vi.fn() };
      listener!(ev as unknown as Event);
      return ev;
    };
    expect(fire(key('P', { ctrlKey: true, shiftKey: true })).preventDefault).toHaveBeenCalled();
    fire(key('F1'));
    expect(palette).toHaveBeenCalledTimes(2);
    // Disabled by its `when`: the key is left to the browser.
    expect(fire(key('d', { ctrlKey: true })).preventDefault).not.toHaveBeenCalled();
    keys.set('gridFocus', true);
    fire(key('d', { ctrlKey: true }));
    expect(inGrid).toHaveBeenCalledTimes(1);
    binding.dispose();
    expect(target.removeEventListener).toHaveBeenCalled();
  });
});
