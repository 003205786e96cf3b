// Messages of the cell history.

import type { Catalog } from './catalog';

export const history: Catalog = {
  en: {
    'history.category': 'Sheet',
    'history.cmd.show': 'Show Cell History',
    'history.title': 'Cell history',
    'history.placeholder': 'Every value this cell has had, newest first. Choose one to put it back.',
    'history.empty': 'No edits of this cell have been recorded yet.',
    'history.noCell': 'Select a cell in a sheet first.',
    'history.emptyValue': '(empty)',
  },
  es: {
    'history.category': 'Hoja',
    'history.cmd.show': 'Ver el historial de la celda',
    'history.title': 'Historial de la celda',
    'history.placeholder': 'Todos los valores que ha tenido esta celda, del más reciente al más antiguo. Elige uno para recuperarlo.',
    'history.empty': 'Todavía no hay cambios registrados en esta celda.',
    'history.noCell': 'Primero selecciona una celda de una hoja.',
    'history.emptyValue': '(vacía)',
  },
  'zh-CN': {
    'history.category': '表格',
    'history.cmd.show': '查看单元格历史',
    'history.title': '单元格历史',
    'history.placeholder': '此单元格的所有历史值，最新的在前。选择一个即可恢复。',
    'history.empty': '此单元格还没有记录的修改。',
    'history.noCell': '请先在表格中选择一个单元格。',
    'history.emptyValue': '（空）',
  },
};
