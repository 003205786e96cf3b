import { describe, expect, it } from 'vitest';
import { afterCurrentTask, nextTask } from '../../src/base/tasks';

describe('a task of its own after the current one', () => {
  it('runs after the current code and its microtasks, each call once, in order', async () => {
    const seen: string[] = [];
    afterCurrentTask(() => seen.push('a'));
    afterCurrentTask(() => seen.push('b'));
    void Promise.resolve().then(() => seen.push('microtask'));
    seen.push('sync');
    expect(seen).toEqual(['sync']);
    await nextTask();
    await nextTask();
    expect(seen).toEqual(['sync', 'microtask', 'a', 'b']);
  });
});
