// The Problems feature's manifest: the Problems tab ("Problems: Show Problems"), its side-bar
// summary, and the status bar count ('problems.count'; tapping it opens the panel). Problems come
// from the analysis service (the book's data) and from sources other features register.

import { DisposableStore, type Disposable } from '../../base/event';
import type { RowId, SheetId } from '../../core/index';
import type { Services } from '../../ui/services';
import type { Workbench } from '../../ui/workbench/workbench-context';
import type { AnalysisService } from '../analysis/analysis-service';
import { revealRow } from '../customers/customers.contribution';
import { ProblemsEditor, ProblemsSummary, problemTotal } from './problems-view';

export { registerProblemSource, type ExternalProblem, type ProblemSource, type ProblemSeverity } from './problem-sources';

export const PROBLEMS_EDITOR = { kind: 'problems', id: '' } as const;

export function registerProblemsContribution(services: Services, wb: Workbench, service: AnalysisService): Disposable {
  const { commands, i18n } = services;
  const store = new DisposableStore();
  const open = () => wb.openEditor(PROBLEMS_EDITOR);
  const reveal = (sheet: SheetId, row: RowId, col?: string) => void revealRow(wb, sheet, row, col);

  store.add(
    wb.views.registerEditor({
      id: 'problems',
      icon: 'alert',
      title: () => ({ key: 'problems.title' }),
      render: () => <ProblemsEditor service={service} reveal={reveal} />,
    }),
  );
  store.add(wb.views.registerContainer({ id: 'problems', title: 'problems.title', icon: 'alert', order: 70 }));
  store.add(wb.views.registerView({ id: 'problems.summary', container: 'problems', title: 'problems.title', order: 10, render: () => <ProblemsSummary service={service} open={open} /> }));
  store.add(commands.register({ id: 'problems.show', title: 'problems.cmd.show', category: 'problems.category', run: open }));
  store.add(
    wb.statusBar.add({
      id: 'problems.count',
      alignment: 'left',
      priority: 40,
      icon: 'alert',
      // Empty (hidden) until the first analysis: a "0" that later jumps would be a false all-clear.
      text: () => (service.version() > 0 ? i18n.i18n.formatNumber(problemTotal(service)) : ''),
      tooltip: () => i18n.t('problems.statusTooltip', { count: problemTotal(service) }),
      command: 'problems.show',
    }),
  );
  return store;
}
