// The segments feature's manifest: the Segments tab and its activity-bar entry ("Segments: Open
// Segments"), a live grid tab per segment, the membership settings tab ("Segments: Membership
// Settings"), "Customers: Tag Selected…" for bulk tagging, and the "segment is" rule of saved views.

import { createRoot } from 'solid-js';
import { DisposableStore, toDisposable, type Disposable } from '../../base/event';
import { foldText } from '../../base/text';
import { SEGMENTS, asRowId, segmentLabelKey, type Segment } from '../../core/index';
import { MESSAGES } from '../../i18n/messages/index';
import { activeGrid } from '../../ui/grid/active-grid';
import type { Services } from '../../ui/services';
import type { Workbench } from '../../ui/workbench/workbench-context';
import type { AnalysisService } from '../analysis/analysis-service';
import { showToast } from '../purchases/toasts';
import { registerSegmentLookup } from '../saved-views/saved-views-store';
import { MembershipSettings } from './membership-settings';
import { SegmentGrid, SegmentsSide, SegmentsView } from './segments-view';
import { applyTag, bookTags, parseChoice, tagChoices, tagsOfRows } from './tag-selected';

export const SEGMENTS_EDITOR = { kind: 'segments', id: '' } as const;
const isSegment = (s: string): s is Segment => (SEGMENTS as readonly string[]).includes(s);

export function registerSegmentsContribution(services: Services, wb: Workbench, service: AnalysisService): Disposable {
  const { book, commands, i18n } = services;
  const store = new DisposableStore();
  const openSegment = (s: Segment) => wb.openEditor({ kind: 'segment', id: s });
  const openRow = (row: string) => wb.openEditor({ kind: 'customer', id: row });

  createRoot((dispose) => {
    store.add(toDisposable(dispose));
    store.add(
      wb.views.registerEditor({
        id: 'segments',
        icon: 'users',
        title: () => ({ key: 'segments.title' }),
        render: () => <SegmentsView service={service} openSegment={openSegment} />,
      }),
    );
    store.add(
      wb.views.registerEditor({
        id: 'segment',
        icon: 'users',
        title: (input) => (isSegment(input.id) ? { key: segmentLabelKey(input.id) } : { text: input.id }),
        canRestore: (input) => isSegment(input.id),
        render: (input) => <SegmentGrid segment={input.id as Segment} service={service} openRow={(r) => openRow(r)} />,
      }),
    );
    store.add(
      wb.views.registerEditor({
        id: 'membership',
        icon: 'settings',
        title: () => ({ key: 'membership.title' }),
        render: () => <MembershipSettings service={service} />,
      }),
    );
    store.add(wb.views.registerContainer({ id: 'segments', title: 'segments.title', icon: 'users', order: 40 }));
    store.add(
      wb.views.registerView({ id: 'segments.list', container: 'segments', title: 'segments.title', order: 10, render: () => <SegmentsSide service={service} openSegment={openSegment} /> }),
    );
  });

  store.add(commands.register({ id: 'segments.open', title: 'segments.cmd.open', category: 'segments.category', run: () => wb.openEditor(SEGMENTS_EDITOR) }));
  store.add(
    commands.register({ id: 'segments.openSettings', title: 'segments.cmd.settings', category: 'segments.category', run: () => wb.openEditor({ kind: 'membership', id: '' }) }),
  );
  for (const s of SEGMENTS)
    store.add(
      commands.register({
        id: `segments.show${s[0]!.toUpperCase()}${s.slice(1)}`,
        title: segmentLabelKey(s),
        category: 'segments.category',
        run: () => openSegment(s),
      }),
    );

  // --- bulk tagging ---------------------------------------------------------------------------------
  store.add(
    commands.register({
      id: 'customers.tagSelected',
      title: 'segments.cmd.tagSelected',
      category: 'customers.category',
      run: () => {
        const grid = activeGrid();
        const rows = grid?.sheet === 'customers' ? grid.selectedRowIds() : [];
        if (!rows.length) {
          showToast(i18n.t('segments.tag.noSelection'));
          return;
        }
        const tags = bookTags(book);
        const have = tagsOfRows(book, rows);
        wb.showQuickPick({
          id: 'tagSelected',
          ariaLabel: () => i18n.t('segments.tag.pick', { count: rows.length }),
          placeholder: () => i18n.t('segments.tag.placeholder', { count: rows.length }),
          empty: () => i18n.t('segments.tag.empty'),
          items: (q) => tagChoices(q, tags, have, (a) => i18n.t(a.op === 'add' ? 'segments.tag.add' : 'segments.tag.remove', { tag: a.tag, count: rows.length })),
          accept: (item) => {
            const a = parseChoice(item.id);
            if (!a) return;
            const n = applyTag(book, rows, a);
            showToast(i18n.t(a.op === 'add' ? 'segments.tag.added' : 'segments.tag.removed', { tag: a.tag, count: n }));
            grid?.focusCell(rows[0]!);
          },
        });
      },
    }),
  );

  // --- "segment is" in saved views ------------------------------------------------------------------
  store.add(
    registerSegmentLookup({
      segments: () => SEGMENTS.map((s) => i18n.t(segmentLabelKey(s))),
      // Rules keep the name as typed; it matches in every language (a saved view made in Spanish
      // still works after switching to Chinese), compared by the segment's id.
      segmentOf: (row) => service.analysis()?.row(asRowId(row))?.segment,
      keyOf: (value) => {
        const v = foldText(value);
        const hit = SEGMENTS.find((s) => foldText(s) === v || Object.values(MESSAGES).some((m) => foldText(m[segmentLabelKey(s)] ?? '') === v));
        return hit ?? value;
      },
    }),
  );
  return store;
}
