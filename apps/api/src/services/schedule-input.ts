import { isValidTimeZone, scheduleProblems, toUtcInstant } from '@ficathon/core';
import type { FieldError, ScheduleInput } from '@ficathon/schema';
import { AppError } from '../http/app-error';

export interface ResolvedSchedule {
  time_zone: string;
  opens_at: string | null;
  closes_at: string | null;
  voting_opens_at: string | null;
  voting_closes_at: string | null;
  grace_minutes: number;
}

const FIELDS = ['opensAt', 'closesAt', 'votingOpensAt', 'votingClosesAt'] as const;

/**
 * Turns the schedule as the organizer wrote it (local times in the challenge's zone, or absolute
 * instants) into UTC instants, and refuses a zone that does not exist or dates out of order, with
 * every problem under its field.
 */
export function resolveSchedule(input: ScheduleInput, path = 'schedule'): ResolvedSchedule {
  const errors: FieldError[] = [];
  if (!isValidTimeZone(input.timeZone)) {
    errors.push({
      path: `${path}.timeZone`,
      message: `“${input.timeZone}” is not a time zone we know. Use a name like Europe/London, or AoE.`,
    });
    throw AppError.badRequest('VALIDATION_FAILED', `Check these fields: ${path}.timeZone.`, errors);
  }
  const instants = {} as Record<(typeof FIELDS)[number], string | null>;
  for (const field of FIELDS) {
    const value = input[field];
    const instant = value === null ? null : toUtcInstant(value, input.timeZone);
    if (value !== null && instant === null) {
      errors.push({ path: `${path}.${field}`, message: 'This is not a real date and time.' });
    }
    instants[field] = instant;
  }
  if (errors.length === 0) {
    for (const problem of scheduleProblems({ ...instants, graceMinutes: input.graceMinutes })) {
      errors.push({ path: `${path}.${problem.field}`, message: problem.message });
    }
  }
  if (errors.length > 0) {
    const fields = [...new Set(errors.map((e) => e.path))].join(', ');
    throw AppError.badRequest('VALIDATION_FAILED', `Check these fields: ${fields}.`, errors);
  }
  return {
    time_zone: input.timeZone,
    opens_at: instants.opensAt,
    closes_at: instants.closesAt,
    voting_opens_at: instants.votingOpensAt,
    voting_closes_at: instants.votingClosesAt,
    grace_minutes: input.graceMinutes,
  };
}
