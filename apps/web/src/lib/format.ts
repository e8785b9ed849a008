import type { ChallengePhase, Rating } from '@ficathon/schema';

// One fixed locale: the interface is written in English, and the server and the browser must
// produce the same text for the same instant and zone.
const LOCALE = 'en-GB';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALE, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows (Node 20's list omits some, e.g. UTC). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Formats an instant as wall-clock time in `timeZone`, naming the zone, e.g.
 * "Wed 31 December 2025, 23:59 GMT (Europe/London)". An unknown zone falls back to UTC rather than
 * failing the whole page.
 */
export function formatInZone(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const text = formatterFor(zone).format(date);
  const shortName = formatterFor(zone)
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value;
  // "GMT (Europe/London)" says where the deadline was set; "UTC (UTC)" would only stutter.
  return shortName === zone ? text : `${text} (${zone.replaceAll('_', ' ')})`;
}

const PHASE_LABELS: Record<ChallengePhase, string> = {
  draft: 'Draft',
  announced: 'Announced',
  open: 'Open for entries',
  closed: 'Closed to entries',
  voting: 'Voting',
  results: 'Results published',
  archived: 'Archived',
};

export function phaseLabel(phase: ChallengePhase): string {
  return PHASE_LABELS[phase];
}

const RATING_LABELS: Record<Rating, string> = {
  general: 'General audiences',
  teen: 'Teen and up',
  mature: 'Mature',
  explicit: 'Explicit',
  not_rated: 'Not rated',
};

/** The rating in words, keeping the writer's own label when it says something different. */
export function ratingLabel(rating: { raw: string | null; normalized: Rating }): string {
  const words = RATING_LABELS[rating.normalized];
  const raw = rating.raw?.trim();
  if (!raw || raw.toLowerCase() === words.toLowerCase()) return words;
  return `${words} (${raw})`;
}

const integer = new Intl.NumberFormat(LOCALE);

/** "1 word", "1,234 words". */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${integer.format(count)} ${count === 1 ? singular : plural}`;
}

/** Only http(s) links are rendered as links; anything else (javascript:, data:) is dropped. */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
