import { Temporal } from 'temporal-polyfill';

/**
 * "Anywhere on Earth": a deadline that has not passed while it is still that date anywhere, i.e.
 * UTC-12. Fandom challenges often use it; IANA spells it Etc/GMT+12 (the sign is inverted there).
 */
export const ANYWHERE_ON_EARTH = 'AoE';

/** The IANA zone used for computing with a challenge's time zone. */
export function ianaZoneOf(zone: string): string {
  return zone === ANYWHERE_ON_EARTH ? 'Etc/GMT+12' : zone;
}

/**
 * Whether `zone` is `AoE` or a time zone this runtime knows. Constructing a formatter is the test:
 * Node 20's Intl.supportedValuesOf('timeZone') leaves out valid zones such as UTC.
 */
export function isValidTimeZone(zone: string): boolean {
  if (zone === ANYWHERE_ON_EARTH) return true;
  if (zone.trim() === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/**
 * Turns a deadline as the organizer wrote it into a UTC instant (ISO-8601 with `Z`). A time with
 * an offset or `Z` is already absolute; a local time (`2026-12-01T23:59`) is read in `zone`.
 * A local time that falls in a daylight-saving gap moves forward, as clocks do. Returns null for
 * text that is not a date-time.
 */
export function toUtcInstant(value: string, zone: string): string | null {
  try {
    if (LOCAL_DATE_TIME.test(value)) {
      const zoned = Temporal.PlainDateTime.from(value).toZonedDateTime(ianaZoneOf(zone), {
        disambiguation: 'compatible',
      });
      return new Date(zoned.epochMilliseconds).toISOString();
    }
    const instant = Temporal.Instant.from(value);
    return new Date(instant.epochMilliseconds).toISOString();
  } catch {
    return null;
  }
}

/** The local wall-clock time of an instant in `zone`, as `YYYY-MM-DDTHH:mm` (for forms). */
export function toLocalDateTime(instant: string, zone: string): string {
  const zoned = Temporal.Instant.from(instant).toZonedDateTimeISO(ianaZoneOf(zone));
  return zoned.toPlainDateTime().toString({ smallestUnit: 'minute' });
}
