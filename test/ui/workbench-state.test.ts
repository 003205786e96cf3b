import { describe, expect, it, vi } from 'vitest';
import { parseSavedTabs, WorkbenchState } from '../../src/ui/workbench/workbench-state';

const customers = { kind: 'sheet', id: 'customers' };
const trash = { kind: 'trash', id: '' };
const card = { kind: 'customer', id: 'r1' };

describe('workbench tab state', () => {
  it('opens a tab once, after the active one, and activates it', () => {
    const s = new WorkbenchState();
    const changed = vi.fn();
    s.onDidChange(changed);
    s.open(customers);
    s.open(trash);
    s.activate('sheet:customers');
    s.open(card);
    expect(s.snapshot.tabs.map((t) => t.kind)).toEqual(['sheet', 'customer', 'trash']);
    expect(s.snapshot.active).toBe('customer:r1');
    s.open(customers);
    expect(s.snapshot.tabs).toHaveLength(3);
    expect(s.activeInput).toEqual(customers);
    expect(changed).toHaveBeenCalled();
  });

  it('closing the active tab activates its right neighbour, else the left one', () => {
    const s = new WorkbenchState();
    [customers, card, trash].forEach((t) => s.open(t));
    s.activate('customer:r1');
    s.close('customer:r1');
    expect(s.snapshot.active).toBe('trash:');
    s.close('trash:');
    expect(s.snapshot.active).toBe('sheet:customers');
    s.close('sheet:customers');
    expect(s.snapshot.active).toBeUndefined();
    expect(s.snapshot.tabs).toEqual([]);
  });

  it('cycles tabs and toggles the side bar like VS Code', () => {
    const s = new WorkbenchState({ container: 'sheets' });
    [customers, trash].forEach((t) => s.open(t));
    s.cycle(1);
    expect(s.snapshot.active).toBe('sheet:customers');
    s.cycle(-1);
    expect(s.snapshot.active).toBe('trash:');
    s.showContainer('sheets', true);
    expect(s.snapshot.sidebarVisible).toBe(false);
    s.showContainer('trash', true);
    expect(s.snapshot).toMatchObject({ sidebarVisible: true, container: 'trash' });
    s.toggleSidebar();
    expect(s.snapshot.sidebarVisible).toBe(false);
  });

  it('saves and restores tabs, dropping malformed, duplicate and rejected ones', () => {
    const s = new WorkbenchState();
    [customers, card, trash].forEach((t) => s.open(t));
    const saved = JSON.parse(JSON.stringify(s.toSaved()));
    const r = new WorkbenchState();
    expect(r.restore(saved, (t) => t.kind !== 'customer')).toBe(true);
    expect(r.snapshot.tabs).toEqual([customers, trash]);
    expect(r.snapshot.active).toBe('trash:');
    expect(parseSavedTabs({ tabs: [customers, customers, { kind: 3 }, 'x'], active: 'sheet:customers' })).toEqual({
      tabs: [customers],
      active: 'sheet:customers',
    });
    // The saved active tab was dropped: the first one is active instead.
    const q = new WorkbenchState();
    q.restore({ tabs: [customers, card], active: 'customer:r1' }, (t) => t.kind === 'sheet');
    expect(q.snapshot.active).toBe('sheet:customers');
    expect(new WorkbenchState().restore(undefined)).toBe(false);
    expect(new WorkbenchState().restore({ tabs: [] })).toBe(false);
  });
});
