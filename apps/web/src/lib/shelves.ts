import type { ChallengeShelf } from '@ficathon/schema';

/** A shelf of the home page: what readers can do with the challenges on it now. */
export interface ShelfText {
  shelf: ChallengeShelf;
  label: string;
  /** Said when the shelf is empty. */
  empty: string;
}

/** The shelves in the order readers look for them: what they can act on first. */
export const SHELVES: readonly ShelfText[] = [
  {
    shelf: 'open',
    label: 'Open now',
    empty: 'No challenge is taking entries right now. Look under Upcoming for those about to open.',
  },
  {
    shelf: 'voting',
    label: 'Voting now',
    empty: 'No challenge is voting right now.',
  },
  {
    shelf: 'results',
    label: 'Results',
    empty: 'No challenge has published its results recently.',
  },
  {
    shelf: 'archive',
    label: 'Archive',
    empty: 'The archive is empty: no challenge has been archived yet.',
  },
  {
    shelf: 'upcoming',
    label: 'Upcoming',
    empty: 'No challenge is announced and waiting to open.',
  },
  {
    shelf: 'closed',
    label: 'Closed',
    empty: 'No challenge is between its closing date and its voting.',
  },
];

/** The shelf named in a URL, if it is one. */
export function shelfNamed(raw: string | null): ShelfText | undefined {
  return SHELVES.find((shelf) => shelf.shelf === raw);
}
