import type { ChallengePhase, ChallengeSchedule, Rating } from '@ficathon/schema';

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

/**
 * "Anywhere on Earth": a deadline that holds while it is still that date anywhere, i.e. UTC-12.
 * Challenges store it as `AoE`; IANA spells it Etc/GMT+12 (the sign is inverted there).
 */
export const ANYWHERE_ON_EARTH = 'AoE';

/** The IANA zone to compute with for a challenge's zone. */
export function ianaZone(timeZone: string): string {
  return timeZone === ANYWHERE_ON_EARTH ? 'Etc/GMT+12' : timeZone;
}

/** A zone as people read it: "America/New York", "Anywhere on Earth". */
export function zoneName(timeZone: string): string {
  return timeZone === ANYWHERE_ON_EARTH ? 'Anywhere on Earth' : timeZone.replaceAll('_', ' ');
}

/** True when `timeZone` is `AoE` or an IANA zone this runtime knows (Node 20's list omits UTC). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone: ianaZone(timeZone) });
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
  const formatter = formatterFor(ianaZone(zone));
  const text = formatter.format(date);
  const shortName = formatter.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value;
  // "GMT (Europe/London)" says where the deadline was set; "UTC (UTC)" would only stutter.
  return shortName === zone ? text : `${text} (${zoneName(zone)})`;
}

const inputFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall-clock time of an instant in `timeZone` as `YYYY-MM-DDTHH:mm`: the value an
 * `<input type="datetime-local">` shows and submits. Null for a missing or unreadable instant.
 */
export function toLocalInputValue(iso: string | null, timeZone: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const zone = ianaZone(isValidTimeZone(timeZone) ? timeZone : 'UTC');
  let formatter = inputFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    inputFormatters.set(zone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The zone's offset from UTC at `at`, e.g. "UTC−05:00", "UTC+05:30", "UTC". */
export function zoneOffsetLabel(timeZone: string, at: Date): string {
  if (!isValidTimeZone(timeZone)) return '';
  const name = new Intl.DateTimeFormat('en-US', {
    timeZone: ianaZone(timeZone),
    timeZoneName: 'longOffset',
  })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  if (!name || name === 'GMT') return 'UTC';
  return name.replace('GMT', 'UTC').replace('-', '−');
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const unit = (n: number, word: string) => `${integer.format(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * A time span in the two largest units that matter, rounded down: "3 days, 4 hours",
 * "5 hours, 12 minutes", "7 minutes", "less than a minute".
 */
export function formatDuration(ms: number): string {
  if (ms < MINUTE) return 'less than a minute';
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0)
    return hours > 0 ? `${unit(days, 'day')}, ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) {
    return minutes > 0 ? `${unit(hours, 'hour')}, ${unit(minutes, 'minute')}` : unit(hours, 'hour');
  }
  return unit(minutes, 'minute');
}

/** A time span as an HTML duration (`<time datetime>`), to the minute: "P3DT4H12M". */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / MINUTE));
  const days = Math.floor(total / (24 * 60));
  const hours = Math.floor((total % (24 * 60)) / 60);
  const minutes = total % 60;
  return `P${days}DT${hours}H${minutes}M`;
}

/** A deadline a countdown can count to. */
export interface Deadline {
  /** What happens then, as the start of a sentence: "Entries close". */
  label: string;
  /** Said once it has passed: "Entries have closed". */
  passed: string;
  iso: string;
}

const DEADLINES: [keyof ChallengeSchedule, string, string][] = [
  ['opensAt', 'Entries open', 'Entries are open'],
  ['closesAt', 'Entries close', 'Entries have closed'],
  ['votingOpensAt', 'Voting opens', 'Voting has opened'],
  ['votingClosesAt', 'Voting closes', 'Voting has closed'],
];

/**
 * The next moment in a challenge's schedule that readers wait for, or null when nothing is ahead
 * (results are out, or no dates are set).
 */
export function nextDeadline(
  schedule: ChallengeSchedule,
  phase: ChallengePhase,
  now: Date,
): Deadline | null {
  if (phase === 'results' || phase === 'archived') return null;
  for (const [key, label, passed] of DEADLINES) {
    const iso = schedule[key];
    if (typeof iso === 'string' && Date.parse(iso) > now.getTime()) return { label, passed, iso };
  }
  return null;
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

/** The ratings in scale order, from general to explicit, then unrated work. */
export const RATINGS = Object.keys(RATING_LABELS) as Rating[];

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

/** How taken a prompt is: "2 of 3 claims taken", "1 claim" (no limit), "Unclaimed". */
export function claimsLabel(claimCount: number, maxClaims: number | null): string {
  if (maxClaims !== null) {
    return `${integer.format(claimCount)} of ${integer.format(maxClaims)} ${maxClaims === 1 ? 'claim' : 'claims'} taken`;
  }
  return claimCount === 0 ? 'Unclaimed' : countLabel(claimCount, 'claim');
}
