import { ANYWHERE_ON_EARTH, isValidTimeZone, zoneName, zoneOffsetLabel } from './format';

/**
 * The zones offered first when setting a challenge's deadlines, west to east: where fandom
 * challenges are usually run from. Any other IANA zone still works (the viewer's own is added).
 */
export const COMMON_TIME_ZONES = [
  ANYWHERE_ON_EARTH,
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Vancouver',
  'America/Denver',
  'America/Phoenix',
  'America/Chicago',
  'America/Mexico_City',
  'America/New_York',
  'America/Toronto',
  'America/Bogota',
  'America/Halifax',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'America/St_Johns',
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Africa/Lagos',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Amsterdam',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Africa/Johannesburg',
  'Africa/Cairo',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'Europe/Moscow',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Singapore',
  'Asia/Manila',
  'Asia/Hong_Kong',
  'Asia/Shanghai',
  'Australia/Perth',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Australia/Adelaide',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Australia/Melbourne',
  'Pacific/Auckland',
] as const;

export interface TimeZoneOption {
  value: string;
  label: string;
}

/** One option: "America/New York (UTC−05:00)", with the offset that applies at `at`. */
export function timeZoneOption(zone: string, at: Date): TimeZoneOption {
  if (zone === 'UTC') return { value: zone, label: 'UTC' };
  const offset = zoneOffsetLabel(zone, at);
  const name = zone === ANYWHERE_ON_EARTH ? 'Anywhere on Earth (AoE)' : zoneName(zone);
  return { value: zone, label: offset ? `${name} (${offset})` : name };
}

/**
 * The zones to offer: the common ones plus any of `extra` (the stored zone, the viewer's) that
 * are real zones not already listed, those first so they are easy to find.
 */
export function timeZoneOptions(at: Date, extra: readonly string[] = []): TimeZoneOption[] {
  const common = new Set<string>(COMMON_TIME_ZONES);
  const added = [...new Set(extra)].filter((zone) => !common.has(zone) && isValidTimeZone(zone));
  return [...added, ...COMMON_TIME_ZONES].map((zone) => timeZoneOption(zone, at));
}
