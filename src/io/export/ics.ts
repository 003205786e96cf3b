// iCalendar (.ics, RFC 5545) writer for the reminders' calendar export: all-day events (birthdays
// repeating yearly, follow-ups once). Text is escaped (\\ \; \, \n), lines end with CRLF and are
// folded at 75 octets of UTF-8 without splitting a character, so Google Calendar, Apple Calendar
// and Outlook read Chinese and accented names intact.

import { isIsoDate } from '../../base/date';

export type IcsEvent = {
  /** Stable across exports, so importing the file twice updates rather than duplicates. */
  readonly uid: string;
  /** The (first) day, ISO `YYYY-MM-DD`. */
  readonly date: string;
  readonly summary: string;
  readonly description?: string;
  /**
   * Repeats every year on the same day. An event starting on 29 February repeats on the last day
   * of February (28 February in common years), the way the reminders count birthdays; a plain
   * yearly rule would skip the years without a 29 February (RFC 5545 §3.3.10).
   */
  readonly yearly?: boolean;
};

export type IcsOptions = {
  /** Who made the file (PRODID). */
  readonly prodId: string;
  /** The calendar's name shown by apps that read X-WR-CALNAME. */
  readonly name?: string;
  /** Creation time (DTSTAMP); injectable for tests. */
  readonly now?: Date;
};

/** TEXT value escaping (RFC 5545 §3.3.11). CR LF / CR / LF all become `\n`. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds one content line (§3.1): at most 75 octets per physical line, continuation lines start with
 * one space (counted in their 75). Splits between characters only, never inside a UTF-8 sequence or
 * a surrogate pair.
 */
export function foldIcsLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (bytes + n > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
      limit = 74; // the leading space takes one octet
    }
    current += ch;
    bytes += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (iso: string): string => iso.replaceAll('-', '');

function nextDayIso(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The whole calendar as text (CRLF line ends, folded). Events with an invalid date are left out. */
export function toIcs(events: readonly IcsEvent[], opts: IcsOptions): string {
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeIcsText(opts.prodId)}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (opts.name) lines.push(`X-WR-CALNAME:${escapeIcsText(opts.name)}`);
  const dtstamp = stamp(opts.now ?? new Date());
  for (const e of events) {
    if (!isIsoDate(e.date)) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(e.uid)}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDayIso(e.date))}`,
    );
    if (e.yearly) lines.push(e.date.endsWith('-02-29') ? 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' : 'RRULE:FREQ=YEARLY');
    lines.push(`SUMMARY:${escapeIcsText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeIcsText(e.description)}`);
    // Free time: a birthday is not a meeting that blocks the day.
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
