import type { StoredEntryHeader } from '@ficathon/schema';

/** `tag` gathers freeform tags, genres and categories: readers can hide them, not filter by them. */
export type EntryTagKind = 'warning' | 'fandom' | 'pairing' | 'character' | 'tag';

export interface EntryTag {
  kind: EntryTagKind;
  /** As the writer wrote it (first spelling wins when two fold to the same key). */
  value: string;
  /** Folded for matching: case, accents and inner whitespace do not matter. */
  valueKey: string;
}

/** The key a tag is matched and grouped by: "Spike / Wesley" and "spike/wesley" agree. */
export function tagKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s*([/&])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const TAG_FIELDS: [EntryTagKind, keyof StoredEntryHeader][] = [
  ['warning', 'warnings'],
  ['fandom', 'fandoms'],
  ['pairing', 'pairings'],
  ['character', 'characters'],
  ['tag', 'tags'],
  ['tag', 'genre'],
  ['tag', 'category'],
];

/** The filterable values of an entry's header, one per kind and key. */
export function entryTagsOf(header: StoredEntryHeader): EntryTag[] {
  const tags = new Map<string, EntryTag>();
  for (const [kind, field] of TAG_FIELDS) {
    const values = header[field];
    if (!Array.isArray(values)) continue;
    for (const value of values) {
      if (typeof value !== 'string' || value.trim() === '') continue;
      const valueKey = tagKey(value);
      const id = `${kind}:${valueKey}`;
      if (!tags.has(id)) tags.set(id, { kind, value: value.trim(), valueKey });
    }
  }
  return [...tags.values()];
}

/** The four weighted parts of an entry that full-text search reads. */
export interface EntrySearchDocument {
  title: string;
  summary: string;
  /** Every other header field a reader might search by: pairings, fandoms, characters, notes... */
  header: string;
  body: string;
}

export function searchDocumentOf(entry: {
  title: string;
  header: StoredEntryHeader;
  body: string;
}): EntrySearchDocument {
  const h = entry.header;
  const parts = [
    h.fandoms,
    h.pairings,
    h.characters,
    h.warnings,
    h.category,
    h.genre,
    h.tags,
    h.spoilers,
    h.notes,
    h.endNotes,
    h.epigraph?.text,
    h.epigraph?.credit,
    h.song?.title,
    h.song?.artist,
  ];
  return {
    title: entry.title,
    summary: h.summary ?? '',
    header: parts
      .flat()
      .filter((part): part is string => typeof part === 'string' && part !== '')
      .join('\n'),
    body: entry.body,
  };
}
