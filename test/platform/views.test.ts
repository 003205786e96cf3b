import { describe, expect, it, vi } from 'vitest';
import { createViewRegistry, editorKey, isEditorInput } from '../../src/platform/views';

describe('view registry', () => {
  it('orders containers and the views of a container, and disposes registrations', () => {
    const views = createViewRegistry<string>();
    const changed = vi.fn();
    views.onDidChange(changed);
    views.registerContainer({ id: 'trash', title: 't', icon: 'trash', order: 90 });
    const sheets = views.registerContainer({ id: 'sheets', title: 's', icon: 'table', order: 10 });
    views.registerView({ id: 'b', container: 'sheets', title: 'b', order: 20, render: () => 'B' });
    views.registerView({ id: 'a', container: 'sheets', title: 'a', order: 10, render: () => 'A' });
    views.registerView({ id: 'x', container: 'trash', title: 'x', order: 1, render: () => 'X' });
    expect(views.containers().map((c) => c.id)).toEqual(['sheets', 'trash']);
    expect(views.views('sheets').map((v) => v.render())).toEqual(['A', 'B']);
    expect(changed).toHaveBeenCalledTimes(5);
    sheets.dispose();
    expect(views.containers().map((c) => c.id)).toEqual(['trash']);
  });

  it('refuses a second registration of the same id', () => {
    const views = createViewRegistry();
    views.registerEditor({ id: 'sheet', icon: 'table', title: () => ({ text: 'S' }), render: () => null });
    expect(() => views.registerEditor({ id: 'sheet', icon: 'table', title: () => ({ text: 'S' }), render: () => null })).toThrow(/twice/);
    expect(views.editor('sheet')?.title({ kind: 'sheet', id: 'customers' })).toEqual({ text: 'S' });
    expect(views.editor('nope')).toBeUndefined();
  });

  it('keys and validates editor inputs', () => {
    expect(editorKey({ kind: 'sheet', id: 'customers' })).toBe('sheet:customers');
    expect(isEditorInput({ kind: 'trash', id: '' })).toBe(true);
    expect(isEditorInput({ kind: '', id: 'x' })).toBe(false);
    expect(isEditorInput({ kind: 'sheet' })).toBe(false);
    expect(isEditorInput(null)).toBe(false);
  });
});
