// The reports feature's manifest: the Reports tab and its activity-bar entry, "Reports: Open
// Reports", one command per report and "Reports: Print or Save as PDF". The tab's view, its charts
// (uPlot) and the report computations load on first open, so the app's first load is unchanged.

import { createRoot, createSignal, For, lazy, Suspense, type JSX } from 'solid-js';
import { DisposableStore, toDisposable, type Disposable } from '../../base/event';
import { useServices, type Services } from '../../ui/services';
import { Icon } from '../../ui/workbench/icons';
import type { Workbench } from '../../ui/workbench/workbench-context';
import type { ReportSection } from './reports-view';

export const REPORTS_EDITOR = { kind: 'reports', id: '' } as const;
const SECTIONS: readonly ReportSection[] = ['sales', 'members', 'decisions', 'products'];
const SECTION_ICON: Record<ReportSection, string> = { sales: 'receipt', members: 'users', decisions: 'check', products: 'card' };

const ReportsView = lazy(() => import('./reports-view').then((m) => ({ default: m.ReportsView })));

export function registerReportsContribution(services: Services, wb: Workbench): Disposable {
  const { commands, i18n } = services;
  const store = new DisposableStore();
  createRoot((dispose) => {
    store.add(toDisposable(dispose));
    const [section, setSection] = createSignal<ReportSection>('sales');
    const open = (s?: ReportSection) => {
      if (s) setSection(s);
      wb.openEditor(REPORTS_EDITOR);
    };

    store.add(
      wb.views.registerEditor({
        id: 'reports',
        icon: 'receipt',
        title: () => ({ key: 'reports.tab' }),
        render: () => (
          <Suspense fallback={<p class="rp-loading">{i18n.t('reports.loading')}</p>}>
            <ReportsView section={section} setSection={setSection} />
          </Suspense>
        ),
      }),
    );
    store.add(wb.views.registerContainer({ id: 'reports', title: 'reports.container', icon: 'receipt', order: 50 }));
    store.add(
      wb.views.registerView({
        id: 'reports.sections',
        container: 'reports',
        title: 'reports.container',
        order: 10,
        render: () => <ReportsSide section={section} />,
      }),
    );

    store.add(commands.register({ id: 'reports.open', title: 'reports.cmd.open', category: 'reports.category', run: () => open() }));
    for (const s of SECTIONS)
      store.add(
        commands.register({
          id: `reports.show${s[0]!.toUpperCase()}${s.slice(1)}`,
          title: `reports.cmd.${s}`,
          category: 'reports.category',
          run: () => open(s),
        }),
      );
    store.add(
      commands.register({
        id: 'reports.print',
        title: 'reports.cmd.print',
        category: 'reports.category',
        run: () => {
          open();
          // Give the tab a frame to lay out (and charts to draw) before the print dialog.
          setTimeout(() => window.print(), 300);
        },
      }),
    );
  });
  return store;
}

function ReportsSide(props: { section: () => ReportSection }): JSX.Element {
  const { commands, i18n } = useServices();
  return (
    <ul class="wb-list">
      <For each={SECTIONS}>
        {(s) => {
          const id = `reports.show${s[0]!.toUpperCase()}${s.slice(1)}`;
          return (
            <li>
              <button type="button" class="wb-list-item" data-command={id} aria-current={props.section() === s ? 'true' : undefined} onClick={() => commands.execute(id)}>
                <Icon name={SECTION_ICON[s]} size={18} />
                <span class="wb-list-label">{i18n.t(`reports.section.${s}`)}</span>
              </button>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
