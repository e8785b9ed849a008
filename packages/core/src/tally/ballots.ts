/**
 * Ballots as the tally reads them, already validated by the API. Entries are plain numeric ids.
 * An id that is not among the candidates (an entry withdrawn or disqualified after votes were
 * cast) is skipped: for a ranked ballot the next preference counts instead.
 */

/** Plurality: one choice. */
export interface PluralityBallot {
  choice: number;
}

/** Approval: any number of entries; one id listed twice counts once. */
export interface ApprovalBallot {
  approved: readonly number[];
}

/** Ranked (instant-runoff, Borda, Schulze): most preferred first; a repeated id counts where it first appears. */
export interface RankedBallot {
  ranking: readonly number[];
}

/** Score: a whole number on the category's scale per entry scored, keyed by entry id. */
export interface ScoreBallot {
  scores: Readonly<Record<number, number>>;
}
