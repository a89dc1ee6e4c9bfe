/**
 * One time zone, the user's. Instants are stored as UTC ISO strings; the renderer shows them in the browser's zone,
 * and what main writes for the user (the Word minutes, today's date of an export or a check) uses the zone the
 * renderer reported into the settings (`timeZone`), so a document and the screen never disagree. '' = main's own.
 */

/** An IANA zone name the runtime knows ('Asia/Shanghai', 'UTC'). */
export function isTimeZone(zone: string): boolean {
  if (zone === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(zone: string | undefined): Intl.DateTimeFormat {
  const key = zone ?? '';
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone || undefined, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formats.set(key, f);
  }
  return f;
}

/** The wall clock of an instant in a zone (the runtime's own when none): yyyy-mm-dd, hh:mm. */
export function wallClock(at: Date, zone?: string): { date: string; time: string } {
  const parts = Object.fromEntries(format(zone).formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
