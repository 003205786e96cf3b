// Clipboard TSV as Excel and Google Sheets write and read it.
import { describe, expect, it } from 'vitest';
import { formatTsv, parseTsv, quoteTsvField } from '../../src/ui/grid/tsv';

describe('grid TSV', () => {
  it('formats a block with CRLF rows and quotes only fields that need it', () => {
    expect(formatTsv([['a', 'b'], ['c', 'd']])).toBe('a\tb\r\nc\td');
    expect(quoteTsvField('plain text')).toBe('plain text');
    expect(quoteTsvField('two\nlines')).toBe('"two\nlines"');
    expect(quoteTsvField('tab\there')).toBe('"tab\there"');
    expect(quoteTsvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('parses Excel output: CRLF rows, one trailing line break, quoted multi-line fields', () => {
    expect(parseTsv('A1\tB1\r\nA2\tB2\r\n')).toEqual([
      ['A1', 'B1'],
      ['A2', 'B2'],
    ]);
    expect(parseTsv('"line 1\nline 2"\tx\r\ny\t"a ""quote"""')).toEqual([
      ['line 1\nline 2', 'x'],
      ['y', 'a "quote"'],
    ]);
    expect(parseTsv('a\n\nb')).toEqual([['a'], [''], ['b']]);
  });

  it('keeps empty fields and pads ragged rows to a rectangle', () => {
    expect(parseTsv('a\t\tc')).toEqual([['a', '', 'c']]);
    expect(parseTsv('a\t')).toEqual([['a', '']]);
    expect(parseTsv('a\tb\tc\nd')).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
    ]);
    expect(parseTsv('')).toEqual([]);
  });

  it('reads quotes inside unquoted fields and unclosed quotes literally', () => {
    expect(parseTsv('5" screen\tx')).toEqual([['5" screen', 'x']]);
    expect(parseTsv('"open\tb')).toEqual([['"open', 'b']]);
    // Sheets keeps text between a closing quote and the separator.
    expect(parseTsv('"a"b\tc')).toEqual([['ab', 'c']]);
  });

  it('round-trips any block', () => {
    const block = [
      ['José', 'tab\tin', 'new\r\nline'],
      ['"quoted"', '', '张伟'],
    ];
    expect(parseTsv(formatTsv(block))).toEqual(block);
  });
});
