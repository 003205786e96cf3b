// The .ics writer: the exact text of a small calendar, escaping, folding at 75 octets without
// splitting a UTF-8 character, CRLF line ends, yearly rules (29 February on the last day of February).
import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, toIcs } from '../../src/io/export/ics';

const now = new Date(Date.UTC(2026, 10, 23, 9, 30, 5, 123));

describe('ics export', () => {
  it('writes a calendar with a yearly birthday and a one-off follow-up, CRLF, exactly', () => {
    const text = toIcs(
      [
        { uid: 'r1:birthday@clientela', date: '1990-03-15', summary: 'Birthday: Ana', yearly: true },
        { uid: 'r2:followUp@clientela', date: '2026-12-01', summary: 'Follow-up: Luis', description: 'Call about the order' },
      ],
      { prodId: '-//Clientela//Reminders//EN', name: 'Clientela', now },
    );
    expect(text).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Clientela//Reminders//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Clientela',
        'BEGIN:VEVENT',
        'UID:r1:birthday@clientela',
        'DTSTAMP:20261123T093005Z',
        'DTSTART;VALUE=DATE:19900315',
        'DTEND;VALUE=DATE:19900316',
        'RRULE:FREQ=YEARLY',
        'SUMMARY:Birthday: Ana',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:r2:followUp@clientela',
        'DTSTAMP:20261123T093005Z',
        'DTSTART;VALUE=DATE:20261201',
        'DTEND;VALUE=DATE:20261202',
        'SUMMARY:Follow-up: Luis',
        'DESCRIPTION:Call about the order',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    // No bare LF anywhere.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    expect(escapeIcsText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const text = toIcs([{ uid: 'x', date: '2026-01-31', summary: 'Pérez, José; "VIP"\nnote' }], { prodId: 'p', now });
    expect(text).toContain('SUMMARY:Pérez\\, José\\; "VIP"\\nnote\r\n');
    // Month end rolls over into the next month for DTEND.
    expect(text).toContain('DTEND;VALUE=DATE:20260201\r\n');
  });

  it('folds long lines at 75 octets, continuation lines start with a space, UTF-8 kept whole', () => {
    const ascii = 'SUMMARY:' + 'x'.repeat(200);
    const folded = foldIcsLine(ascii).split('\r\n');
    expect(folded[0]).toHaveLength(75);
    for (const l of folded.slice(1)) expect(l.startsWith(' ')).toBe(true);
    for (const l of folded) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(ascii);

    // 3-byte characters (张) and a 4-byte one (😀) are never cut in half.
    const cjk = 'SUMMARY:' + '张伟生日快乐'.repeat(8) + '😀'.repeat(10);
    const lines = foldIcsLine(cjk).split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) {
      expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
      expect(l).not.toMatch(/\uFFFD/);
      expect(l).not.toMatch(/[\uD800-\uDBFF]$/); // no lone high surrogate at a line end
    }
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(cjk);
    // Short lines are untouched.
    expect(foldIcsLine('SUMMARY:Ana')).toBe('SUMMARY:Ana');
  });

  it('a 29 February birthday repeats on the last day of February; invalid dates are left out', () => {
    const text = toIcs(
      [
        { uid: 'leap', date: '2024-02-29', summary: 'Leap', yearly: true },
        { uid: 'bad', date: '2026-02-30', summary: 'Bad' },
        { uid: 'bad2', date: '15/03/1990', summary: 'Bad' },
      ],
      { prodId: 'p', now },
    );
    expect(text).toContain('DTSTART;VALUE=DATE:20240229\r\nDTEND;VALUE=DATE:20240301\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n');
    expect(text).not.toContain('UID:bad');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });
});
