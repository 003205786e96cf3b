// The reports' import surface: read the book once (`readReportData`), then each report is a pure
// function of that data and `today` (a day number; the reports never read the clock).

export * from './report-data';
export * from './periods';
export * from './sales';
export * from './members';
export * from './decisions';
export * from './products';
