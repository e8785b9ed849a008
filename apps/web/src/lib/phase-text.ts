import type { ChallengePhase } from '@ficathon/schema';

const PHASE_SENTENCES: Record<ChallengePhase, string> = {
  draft: 'This challenge is a draft: only its organizers can see it until it is announced.',
  announced:
    'The challenge is announced: read the prompts and rules now; entries open on the date below.',
  open: 'The challenge is open for entries until the deadline below.',
  closed: 'The challenge is closed to new entries.',
  voting: 'Entries are in and it is time to vote.',
  results: 'The results are published.',
  archived: 'The challenge is over; its entries are kept as an archive.',
};

/** Where the challenge is, in a sentence for readers and organizers alike. */
export function phaseSentence(phase: ChallengePhase): string {
  return PHASE_SENTENCES[phase];
}
