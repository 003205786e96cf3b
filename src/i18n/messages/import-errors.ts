// Messages of the import-errors area: why a file could not be read (one per ParseErrorCode in
// src/io/types.ts) and what the shop owner can do about it.

import type { Catalog } from './catalog';

export const importErrors: Catalog = {
  en: {
    'import.error.empty': 'This file is empty. Check that you picked the right file, or export it again from the program that made it.',
    'import.error.tooLarge':
      'This file is too large to import. Split it into smaller files (for example one per year) or delete the columns you do not need, then try again.',
    'import.error.timeout':
      'Reading this file took too long, so it was stopped. Open it in Excel or LibreOffice, save it again as .xlsx or .csv, and import the new copy.',
    'import.error.corrupt':
      'This file seems to be damaged or incomplete, so it cannot be read. If you downloaded it, download it again; otherwise open it in Excel or LibreOffice and save a new copy.',
    'import.error.unsupported':
      'This kind of file cannot be imported. Use an Excel or LibreOffice workbook (.xlsx, .xls, .ods), a CSV or text file, or phone contacts (.vcf). If the workbook has a password, remove it first.',
    'import.error.noRows':
      'No rows were found in this file. Check that the data is on a sheet of this file (not only in a chart or a picture) and that you chose the right file.',
  },
  es: {
    'import.error.empty': 'Este archivo está vacío. Comprueba que elegiste el archivo correcto o vuelve a exportarlo desde el programa que lo creó.',
    'import.error.tooLarge':
      'Este archivo es demasiado grande para importarlo. Divídelo en archivos más pequeños (por ejemplo, uno por año) o borra las columnas que no necesites e inténtalo de nuevo.',
    'import.error.timeout':
      'La lectura de este archivo tardaba demasiado y se ha detenido. Ábrelo en Excel o LibreOffice, guárdalo de nuevo como .xlsx o .csv e importa la copia nueva.',
    'import.error.corrupt':
      'Este archivo parece dañado o incompleto y no se puede leer. Si lo descargaste, descárgalo otra vez; si no, ábrelo en Excel o LibreOffice y guarda una copia nueva.',
    'import.error.unsupported':
      'Este tipo de archivo no se puede importar. Usa un libro de Excel o LibreOffice (.xlsx, .xls, .ods), un archivo CSV o de texto, o contactos del teléfono (.vcf). Si el libro tiene contraseña, quítasela antes.',
    'import.error.noRows':
      'No se encontraron filas en este archivo. Comprueba que los datos están en una hoja de este archivo (no solo en un gráfico o una imagen) y que elegiste el archivo correcto.',
  },
  'zh-CN': {
    'import.error.empty': '这个文件是空的。请确认选择了正确的文件，或者从原来的软件里重新导出一次。',
    'import.error.tooLarge': '这个文件太大，无法导入。请把它拆分成几个小文件（例如每年一个），或删掉不需要的列后再试。',
    'import.error.timeout': '读取这个文件用时过长，已停止。请用 Excel 或 LibreOffice 打开它，重新另存为 .xlsx 或 .csv，再导入新文件。',
    'import.error.corrupt': '这个文件似乎已损坏或不完整，无法读取。如果是下载的，请重新下载；否则请用 Excel 或 LibreOffice 打开并另存一份新文件。',
    'import.error.unsupported':
      '无法导入这种类型的文件。请使用 Excel 或 LibreOffice 表格（.xlsx、.xls、.ods）、CSV 或文本文件，或手机通讯录（.vcf）。如果表格设置了密码，请先取消密码。',
    'import.error.noRows': '这个文件里没有找到任何数据行。请确认数据在这个文件的工作表中（而不只是在图表或图片里），并且选择的是正确的文件。',
  },
};
