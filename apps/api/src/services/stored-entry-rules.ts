import { evaluateEntryRules, type EntryCandidate } from '@ficathon/core';
import type { ChallengeRow, EntryListRow, PromptRow } from '@ficathon/db';
import type { RuleViolation } from '@ficathon/schema';
import { rulesOf } from '../serializers/challenge.serializer';

const LIVE_STATUSES = new Set(['submitted', 'approved']);

/** An entry as stored, in the shape the rule evaluator reads. */
export function candidateOf(entry: EntryListRow): EntryCandidate {
  const header = JSON.parse(entry.header_json) as Record<string, unknown>;
  const custom = header.custom;
  return {
    body: entry.body,
    // A missing rating is stored as not_rated with no raw text: for the rules it was not given.
    rating: entry.rating === 'not_rated' && entry.rating_raw === null ? null : entry.rating,
    fields: header,
    promptId: entry.prompt_id,
    customValues:
      typeof custom === 'object' && custom !== null
        ? (custom as EntryCandidate['customValues'])
        : {},
  };
}

/**
 * The rules each stored entry breaks under the challenge's current rules (which organizers may
 * have changed since the entry came in). Counts consider only live entries.
 */
export function violationsOfStoredEntries(
  challenge: ChallengeRow,
  entries: EntryListRow[],
  prompts: PromptRow[],
  liveClaims: { prompt_id: number; user_id: number }[],
): Map<number, RuleViolation[]> {
  const rules = rulesOf(challenge);
  const live = entries.filter((entry) => LIVE_STATUSES.has(entry.status));
  const promptById = new Map(prompts.map((prompt) => [prompt.id, prompt]));
  const claims = new Set(liveClaims.map((claim) => `${claim.prompt_id}:${claim.user_id}`));
  const result = new Map<number, RuleViolation[]>();
  for (const entry of entries) {
    const others = live.filter((other) => other.id !== entry.id);
    const prompt = entry.prompt_id === null ? undefined : promptById.get(entry.prompt_id);
    result.set(
      entry.id,
      evaluateEntryRules(rules, candidateOf(entry), {
        prompt: prompt ? { kind: prompt.kind, body: prompt.body } : null,
        writerHasClaim: claims.has(`${entry.prompt_id}:${entry.user_id}`),
        otherEntriesByWriter: others.filter((other) => other.user_id === entry.user_id).length,
        otherEntriesOnPrompt:
          entry.prompt_id === null
            ? 0
            : others.filter((other) => other.prompt_id === entry.prompt_id).length,
      }),
    );
  }
  return result;
}
