// Quick open (Ctrl+P): the quick input over whatever provider a feature set (the customers feature
// searches customers by name, phone or code). A fallback says there is nothing to open yet.

import type { ReactiveI18n } from '../bindings/i18n';
import type { QuickPickProvider, Workbench } from './workbench-context';

export function showQuickOpen(wb: Workbench, i18n: ReactiveI18n, initialQuery?: string): void {
  const provider = wb.quickOpenProvider();
  if (provider) {
    wb.showQuickPick(initialQuery === undefined ? provider : { ...provider, initialQuery });
    return;
  }
  const none: QuickPickProvider = {
    id: 'quickOpen',
    ariaLabel: () => i18n.t('workbench.quickOpen.label'),
    placeholder: () => i18n.t('workbench.quickOpen.placeholder'),
    empty: () => i18n.t('workbench.quickOpen.empty'),
    items: () => [],
    accept: () => undefined,
  };
  wb.showQuickPick(none);
}
