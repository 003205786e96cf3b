// Context keys: small named facts ("gridFocus", "editing", "paletteOpen") that `when` clauses test.

import { Emitter, type Event } from '../base/event';

export type ContextValue = boolean | string | number | undefined;

export interface ContextKeys {
  set(key: string, value: ContextValue): void;
  get(key: string): ContextValue;
  /** Evaluates `a && !b || c == 'x'`: `&&` binds tighter than `||`; `==` and `!=` compare to a quoted string. */
  evaluate(expr: string): boolean;
  readonly onDidChange: Event<string>;
}

export function createContextKeys(): ContextKeys {
  const values = new Map<string, ContextValue>();
  const changed = new Emitter<string>();
  const term = (t: string): boolean => {
    const s = t.trim();
    const cmp = /^(\w+)\s*(==|!=)\s*'([^']*)'$/.exec(s);
    if (cmp) {
      const eq = String(values.get(cmp[1]!) ?? '') === cmp[3];
      return cmp[2] === '==' ? eq : !eq;
    }
    if (s.startsWith('!')) return !term(s.slice(1));
    return !!values.get(s);
  };
  return {
    set(key, value) {
      if (values.get(key) === value) return;
      values.set(key, value);
      changed.fire(key);
    },
    get: (key) => values.get(key),
    evaluate: (expr) => expr.split('||').some((alt) => alt.split('&&').every(term)),
    onDidChange: changed.event,
  };
}
