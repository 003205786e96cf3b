import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/platform/commands';
import { filterEntries, matchScore, paletteEntries } from '../../src/ui/workbench/palette-model';

const titles: Record<string, string> = {
  'customers.category': 'Customers',
  'customers.cmd.add': 'New Customer',
  'view.category': 'View',
  'view.trash': 'Show Trash',
  'view.palette': 'Show All Commands',
  'es.category': 'Clientes',
  'es.add': 'Nuevo cliente',
  'zh.category': '客户',
  'zh.add': '新建客户',
};
const t = (k: string) => titles[k] ?? k;
const cmd = (id: string, category: string, title: string, extra: Partial<Command> = {}): Command => ({ id, category, title, run: () => undefined, ...extra });

describe('command palette filtering', () => {
  const entries = paletteEntries(
    [
      cmd('customers.add', 'customers.category', 'customers.cmd.add'),
      cmd('view.showTrash', 'view.category', 'view.trash'),
      cmd('workbench.showCommands', 'view.category', 'view.palette', { keybinding: ['F1', 'Ctrl+Shift+P'] }),
      cmd('hidden', 'view.category', 'view.trash', { hideInPalette: true }),
    ],
    t,
  );

  it('lists every visible command as "Category: Title" with its first shortcut', () => {
    expect(entries.map((e) => e.label)).toEqual(['Customers: New Customer', 'View: Show Trash', 'View: Show All Commands']);
    expect(entries[2]!.keybinding).toBe('F1');
  });

  it('matches words in any order, forgiving case and accents', () => {
    expect(filterEntries(entries, 'new cust').map((e) => e.id)).toEqual(['customers.add']);
    expect(filterEntries(entries, 'New Customer').map((e) => e.id)).toEqual(['customers.add']);
    expect(filterEntries(entries, 'trash show').map((e) => e.id)).toEqual(['view.showTrash']);
    expect(filterEntries(entries, 'zzz')).toEqual([]);
    expect(matchScore('Clientes: Nuevo cliente', 'nuevo CLIENTE')).toBeDefined();
    expect(matchScore('Café: Añadir', 'cafe anadir')).toBeDefined();
    expect(matchScore('客户: 新建客户', '新建')).toBeDefined();
  });

  it('ranks matches at word starts before matches inside words, empty query alphabetical', () => {
    const list = [{ label: 'Edit: Undo' }, { label: 'View: Show Undone' }, { label: 'Sheet: Fund Row' }];
    expect(filterEntries(list, 'und').map((e) => e.label)).toEqual(['Edit: Undo', 'View: Show Undone', 'Sheet: Fund Row']);
    expect(filterEntries(entries, '').map((e) => e.label)).toEqual(['Customers: New Customer', 'View: Show All Commands', 'View: Show Trash']);
  });
});
