// A layer above the workbench: a feature's dialogs, notices and toasts rendered in their own Solid
// root under <body>, inside the same services, so they need no slot in the shell and show even
// over the loading screen.

import type { JSX } from 'solid-js';
import { render } from 'solid-js/web';
import { toDisposable, type Disposable } from '../../base/event';
import { ServicesContext, type Services } from '../services';
import { WorkbenchContext, type Workbench } from './workbench-context';

export function mountLayer(services: Services, wb: Workbench, view: () => JSX.Element, className: string): Disposable {
  if (typeof document === 'undefined') return toDisposable(() => undefined);
  const host = document.createElement('div');
  host.className = className;
  document.body.append(host);
  const dispose = render(
    () => (
      <ServicesContext.Provider value={services}>
        <WorkbenchContext.Provider value={wb}>{view()}</WorkbenchContext.Provider>
      </ServicesContext.Provider>
    ),
    host,
  );
  return toDisposable(() => {
    dispose();
    host.remove();
  });
}
