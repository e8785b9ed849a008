import type { CastBallotRequest, FieldError, VotingMethod } from '@ficathon/schema';
import type { FormErrors } from './forms';

/** The form field that carries one entry's rank or score: `entry-<id>`. */
export function entryField(entryId: number): string {
  return `entry-${entryId}`;
}

/** A ballot read from the vote form, or the messages that stop it being sent. */
export type BallotFromForm =
  | { ok: true; ballot: CastBallotRequest; values: Record<string, string> }
  | { ok: false; values: Record<string, string>; errors: FormErrors };

function nameOf(titles: ReadonlyMap<number, string>, id: number): string {
  return `“${titles.get(id) ?? `entry ${id}`}”`;
}

/**
 * Reads one category's ballot from its form. Ranked and score forms carry one `entry-<id>`
 * select per entry; duplicate ranks are caught here so the message sits beside both entries.
 */
export function ballotFromForm(
  method: VotingMethod,
  data: FormData,
  entryIds: readonly number[],
  titles: ReadonlyMap<number, string>,
): BallotFromForm {
  const values: Record<string, string> = {};
  const text = (name: string) => {
    const v = data.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };

  if (method === 'plurality') {
    const choice = text('choice');
    values.choice = choice;
    if (!/^\d+$/.test(choice)) {
      return { ok: false, values, errors: { choice: 'Choose an entry.' } };
    }
    return { ok: true, ballot: { choice: Number(choice) }, values };
  }

  if (method === 'approval') {
    const approved = data
      .getAll('approved')
      .filter((v): v is string => typeof v === 'string' && /^\d+$/.test(v))
      .map(Number);
    for (const id of approved) values[entryField(id)] = 'on';
    return { ok: true, ballot: { approved }, values };
  }

  const numbers = new Map<number, number>();
  const errors: FormErrors = {};
  for (const id of entryIds) {
    const raw = text(entryField(id));
    values[entryField(id)] = raw;
    if (raw === '') continue;
    if (!/^\d+$/.test(raw)) {
      errors[entryField(id)] =
        method === 'ranked' ? 'Choose a rank from the list.' : 'Choose a score from the list.';
      continue;
    }
    numbers.set(id, Number(raw));
  }

  if (method === 'score') {
    if (Object.keys(errors).length > 0) return { ok: false, values, errors };
    if (numbers.size === 0) {
      return { ok: false, values, errors: { form: 'Score at least one entry.' } };
    }
    const scores: Record<string, number> = {};
    for (const [id, score] of numbers) scores[String(id)] = score;
    return { ok: true, ballot: { scores }, values };
  }

  // Ranked: one entry per rank.
  const byRank = new Map<number, number[]>();
  for (const [id, rank] of numbers) byRank.set(rank, [...(byRank.get(rank) ?? []), id]);
  for (const [rank, ids] of byRank) {
    if (ids.length < 2) continue;
    for (const id of ids) {
      const others = ids.filter((other) => other !== id).map((other) => nameOf(titles, other));
      errors[entryField(id)] = `Rank ${rank} is also given to ${others.join(' and ')}.`;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  if (numbers.size === 0) {
    return { ok: false, values, errors: { form: 'Rank at least one entry.' } };
  }
  const ranking = [...numbers.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  return { ok: true, ballot: { ranking }, values };
}

/**
 * Puts the API's field errors beside the right entry: `ranking.N` names the Nth entry of the
 * ranking sent, `scores.<id>` an entry by id; `choice` and `approved` stay as they are.
 */
export function ballotErrors(
  problem: { detail: string; errors: readonly FieldError[] },
  ballot: CastBallotRequest,
): FormErrors {
  const errors: FormErrors = {};
  for (const { path, message } of problem.errors) {
    const [head, rest] = path.split('.');
    let key = 'form';
    if (head === 'ranking' && 'ranking' in ballot && rest !== undefined) {
      const id = ballot.ranking[Number(rest)];
      if (id !== undefined) key = entryField(id);
    } else if (head === 'scores' && rest !== undefined && /^\d+$/.test(rest)) {
      key = entryField(Number(rest));
    } else if (head === 'approved' && 'approved' in ballot && rest !== undefined) {
      const id = ballot.approved[Number(rest)];
      key = id !== undefined ? entryField(id) : 'approved';
    } else if (head === 'choice' || head === 'approved') {
      key = head;
    }
    errors[key] ??= message;
  }
  if (Object.keys(errors).length === 0) errors.form = problem.detail;
  return errors;
}

/** The form's values for a saved ballot, so the page shows what the voter cast. */
export function ballotValues(ballot: CastBallotRequest | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  if (!ballot) return values;
  if ('choice' in ballot) values.choice = String(ballot.choice);
  else if ('approved' in ballot) for (const id of ballot.approved) values[entryField(id)] = 'on';
  else if ('ranking' in ballot)
    ballot.ranking.forEach((id, i) => (values[entryField(id)] = String(i + 1)));
  else
    for (const [id, score] of Object.entries(ballot.scores)) values[`entry-${id}`] = String(score);
  return values;
}
