import { describe, expect, it } from 'vitest';
import { canSeeAuthor, canViewEntry, isChallengeListed, publicEntryStatuses } from './visibility';

describe('publicEntryStatuses', () => {
  it('shows only approved entries of a moderated challenge', () => {
    expect(publicEntryStatuses(true)).toEqual(['approved']);
    expect(publicEntryStatuses(false)).toEqual(['submitted', 'approved']);
  });
});

describe('isChallengeListed', () => {
  it('hides drafts only', () => {
    expect(isChallengeListed('draft')).toBe(false);
    expect(isChallengeListed('announced')).toBe(true);
    expect(isChallengeListed('archived')).toBe(true);
  });
});

describe('canSeeAuthor', () => {
  it('hides the author of an anonymous challenge until the results', () => {
    for (const phase of ['announced', 'open', 'closed', 'voting'] as const) {
      expect(canSeeAuthor({ anonymous: true, phase, viewerIsAuthor: false })).toBe(false);
      expect(canSeeAuthor({ anonymous: true, phase, viewerIsAuthor: true })).toBe(true);
    }
    expect(canSeeAuthor({ anonymous: true, phase: 'results', viewerIsAuthor: false })).toBe(true);
    expect(canSeeAuthor({ anonymous: false, phase: 'open', viewerIsAuthor: false })).toBe(true);
  });
});

describe('canViewEntry', () => {
  const base = {
    status: 'submitted',
    moderated: false,
    challengeListed: true,
    viewerIsAuthor: false,
    viewerIsOrganizer: false,
  } as const;
  it('shows public entries to everyone', () => {
    expect(canViewEntry(base)).toBe(true);
    expect(canViewEntry({ ...base, moderated: true })).toBe(false);
    expect(canViewEntry({ ...base, moderated: true, status: 'approved' })).toBe(true);
    expect(canViewEntry({ ...base, challengeListed: false })).toBe(false);
  });
  it('keeps drafts to their writer, and shows organizers everything submitted', () => {
    expect(canViewEntry({ ...base, status: 'draft', viewerIsOrganizer: true })).toBe(false);
    expect(canViewEntry({ ...base, status: 'draft', viewerIsAuthor: true })).toBe(true);
    expect(canViewEntry({ ...base, status: 'rejected', viewerIsOrganizer: true })).toBe(true);
    expect(canViewEntry({ ...base, status: 'withdrawn' })).toBe(false);
  });
});
