import { describe, expect, it, vi } from 'vitest';
import { createStatusBarRegistry, resolveText } from '../../src/platform/status-bar';

describe('status bar registry', () => {
  it('orders each side by priority, nearest the edge first', () => {
    const bar = createStatusBarRegistry();
    bar.add({ id: 'rows', alignment: 'left', priority: 90, text: '3 rows' });
    bar.add({ id: 'save', alignment: 'left', priority: 100, text: 'Saved' });
    bar.add({ id: 'sum', alignment: 'right', priority: 10, text: 'Sum: 3' });
    bar.add({ id: 'sync.status', alignment: 'right', priority: 20, text: 'Not paired' });
    expect(bar.entries('left').map((e) => e.id)).toEqual(['save', 'rows']);
    // Rightmost is the highest priority, so it is last in left-to-right order.
    expect(bar.entries('right').map((e) => e.id)).toEqual(['sum', 'sync.status']);
  });

  it('lets another feature take an entry over with update', () => {
    const bar = createStatusBarRegistry();
    const changed = vi.fn();
    bar.onDidChange(changed);
    bar.add({ id: 'sync.status', alignment: 'right', priority: 20, text: 'Not paired' });
    expect(bar.update('sync.status', { text: () => 'Connected', command: 'sync.open' })).toBe(true);
    expect(resolveText(bar.get('sync.status')!.text)).toBe('Connected');
    expect(bar.get('sync.status')!.command).toBe('sync.open');
    expect(bar.update('missing', { text: 'x' })).toBe(false);
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('removes an entry on dispose and refuses duplicates', () => {
    const bar = createStatusBarRegistry();
    const d = bar.add({ id: 'a', alignment: 'left', priority: 1, text: 'A' });
    expect(() => bar.add({ id: 'a', alignment: 'left', priority: 1, text: 'A' })).toThrow(/twice/);
    d.dispose();
    expect(bar.entries('left')).toEqual([]);
    expect(resolveText(undefined)).toBe('');
  });
});
