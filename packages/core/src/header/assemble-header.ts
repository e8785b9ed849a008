import { type EntryHeader, type Rating } from '@ficathon/schema';
import {
  creditText,
  parseHeaderDate,
  parseSeries,
  parseSongCredit,
  parseSongValue,
  parseWrittenFor,
} from './field-values';
import { type HeaderEntry, type HeaderZone } from './header-zone';
import { type LabelRole } from './labels';
import { isPairingShaped, meansNoWarnings, splitList, splitListItems, splitNames } from './lists';
import { mostRestrictive, readRating, splitTemplateGuidance } from './rating';
import { cleanTitle, extractPart, parsePartValue, splitTitleAndAuthor } from './title';
import { parseStatedWordCount } from './word-count';

/**
 * Turns the header zone's entries into the fields of HEADERS.md's output, plus the warnings the
 * writer should see. Every labelled line is kept in `lines` before any field is filled from it.
 */

type ListField =
  'authors' | 'warnings' | 'pairings' | 'characters' | 'fandoms' | 'category' | 'genre' | 'tags';
type TextField =
  | 'spoilers'
  | 'disclaimer'
  | 'archive'
  | 'feedback'
  | 'beta'
  | 'summary'
  | 'notes'
  | 'endNotes'
  | 'prompt'
  | 'challenge'
  | 'recipient';

const MAX_WARNINGS = 20;
const MAX_QUOTED_IN_WARNING = 80;
const MAX_RATINGS_NAMED = 3;

function quoted(text: string): string {
  const short =
    text.length > MAX_QUOTED_IN_WARNING ? `${text.slice(0, MAX_QUOTED_IN_WARNING)}…` : text;
  return `"${short.replace(/\n/g, ' ')}"`;
}

interface RatingLine {
  readonly raw: string;
  readonly normalized: Rating;
}

/** Accumulates fields; lists keep their first-seen order and drop exact repeats. */
class HeaderBuilder {
  readonly header: EntryHeader;
  private readonly extra = new Map<string, string>();
  private readonly ratings: RatingLine[] = [];
  private readonly warnings = new Set<string>();
  private readonly listItems = new Map<ListField, Set<string>>();
  private sequelTo: string | undefined;
  private labelledTitle: string | undefined;

  constructor(detected: boolean) {
    this.header = { headerDetected: detected, lines: [] };
  }

  warn(message: string): void {
    if (this.warnings.size < MAX_WARNINGS) this.warnings.add(message);
  }

  addEntry(entry: HeaderEntry): void {
    const value = entry.valueLines.join('\n');
    this.header.lines.push({ label: entry.label, value });
    if (entry.role === undefined) {
      // "every label we do not map, never dropped"
      const earlier = this.extra.get(entry.label);
      this.extra.set(entry.label, earlier === undefined ? value : `${earlier}\n${value}`);
      return;
    }
    if (value === '') return;
    if (entry.role === 'rating') {
      this.addRating(value, entry.label);
      return;
    }
    const { guidance, rest } = splitTemplateGuidance(value);
    if (guidance !== undefined) {
      this.warn(`The ${entry.label} line still holds template guidance ${quoted(guidance)}.`);
    }
    if (rest !== '') this.apply(entry.role, entry.label, rest);
  }

  private apply(role: LabelRole, label: string, value: string): void {
    switch (role) {
      case 'title':
        return this.setLabelledTitle(value);
      case 'part':
        return this.setOnce('part', parsePartValue(value));
      case 'authors':
        return this.addToList('authors', splitNames(value));
      case 'rating':
        return this.addRating(value, label);
      case 'warnings':
        return this.addWarnings(value);
      case 'pairings':
        return this.addPairingsOr('pairings', value);
      case 'pairingsOrCharacters':
        return this.addPairingsOr('characters', value);
      case 'pairingsOrFandoms':
        return this.addPairingsOr('fandoms', value);
      case 'characters':
        return this.addCharacters(value);
      case 'fandoms':
      case 'category':
      case 'genre':
      case 'tags':
        return this.addToList(role, splitList(value));
      case 'namedArchive':
        // `<Name> Archive: yes` keeps the archive's name with the answer.
        return this.appendText('archive', `${label}: ${value}`);
      case 'wordCount':
        return this.setOnce('wordCount', parseStatedWordCount(value));
      case 'date':
        return this.setOnce('date', { raw: value, iso: parseHeaderDate(value) });
      case 'series':
        return this.setOnce('series', parseSeries(value));
      case 'sequelTo':
        this.sequelTo ??= value;
        return;
      case 'song':
        return this.setOnce('song', parseSongValue(value));
      case 'titleFrom':
        return this.setOnce('song', parseSongCredit(value) ?? parseSongValue(value));
      case 'writtenFor': {
        const { recipient, challenge } = parseWrittenFor(value);
        if (recipient !== undefined) this.appendText('recipient', recipient);
        if (challenge !== undefined) this.appendText('challenge', challenge);
        return;
      }
      default:
        return this.appendText(role, value);
    }
  }

  private setOnce<K extends 'part' | 'wordCount' | 'date' | 'series' | 'song'>(
    field: K,
    value: EntryHeader[K] | undefined,
  ): void {
    if (value !== undefined && this.header[field] === undefined) this.header[field] = value;
  }

  private appendText(field: TextField, value: string): void {
    const earlier = this.header[field];
    this.header[field] = earlier === undefined ? value : `${earlier}\n${value}`;
  }

  private addToList(field: ListField, items: readonly string[]): void {
    // A set per list keeps de-duplication linear however long the list is.
    let seen = this.listItems.get(field);
    if (!seen) {
      seen = new Set();
      this.listItems.set(field, seen);
    }
    const list = this.header[field] ?? [];
    for (const item of items) {
      if (item === '' || seen.has(item)) continue;
      seen.add(item);
      list.push(item);
    }
    if (list.length > 0) this.header[field] = list;
  }

  private setLabelledTitle(value: string): void {
    if (this.labelledTitle !== undefined) return;
    const { title, part } = cleanTitle(value);
    this.labelledTitle = title;
    this.setOnce('part', part);
  }

  /** Warnings labels: "none" -> warningsNone; pairing-shaped items -> pairings (HEADERS.md). */
  private addWarnings(value: string): void {
    for (const item of splitListItems(value)) {
      if (item.members) this.addToList('pairings', [item.text]);
      else if (meansNoWarnings(item.text)) this.header.warningsNone = true;
      else if (isPairingShaped(item.text)) this.addToList('pairings', [item.text]);
      else this.addToList('warnings', [item.text]);
    }
  }

  /**
   * Pairing labels, and combined ones (`Pairings/Characters`, `Fandom/Pairings`) whose items go to
   * pairings when pairing-shaped and to the other field otherwise.
   */
  private addPairingsOr(otherField: 'pairings' | 'characters' | 'fandoms', value: string): void {
    for (const item of splitListItems(value)) {
      const isPairing = item.members !== undefined || isPairingShaped(item.text);
      this.addToList(isPairing ? 'pairings' : otherField, [item.text]);
    }
  }

  /** FF.net character lists put a pairing in brackets: `[Xander H., Spike] Buffy S.`. */
  private addCharacters(value: string): void {
    for (const item of splitListItems(value)) {
      if (item.members) this.addToList('pairings', [item.text]);
      this.addToList('characters', item.members ?? [item.text]);
    }
  }

  private addRating(raw: string, label: string): void {
    const reading = readRating(raw);
    if (reading.guidance !== undefined) {
      this.warn(
        `The ${label} line still holds template guidance ${quoted(reading.guidance)}; pick one rating.`,
      );
    } else if (!reading.recognized) {
      this.warn(
        `The rating ${quoted(raw)} is not one we recognise, so the entry counts as not rated.`,
      );
    }
    this.ratings.push({ raw, normalized: reading.normalized });
  }

  /**
   * "Two rating lines that disagree: the most restrictive wins and `ratingConflict` is set." Lines
   * that name no rating do not disagree with anything.
   */
  private resolveRating(): void {
    const first = this.ratings[0];
    if (!first) return;
    const rated = this.ratings.filter((line) => line.normalized !== 'not_rated');
    if (rated.length === 0) {
      this.header.rating = { raw: first.raw, normalized: first.normalized };
      return;
    }
    const normalized = mostRestrictive(rated.map((line) => line.normalized));
    const winner = rated.find((line) => line.normalized === normalized) ?? first;
    this.header.rating = { raw: winner.raw, normalized };
    const distinct = [...new Set(rated.map((line) => line.normalized))];
    if (distinct.length > 1) {
      this.header.ratingConflict = true;
      const others = rated.filter((line) => line.normalized !== normalized).map((line) => line.raw);
      // A few distinct values are enough to act on; a hostile paste may hold thousands.
      const named = [...new Set(others)].slice(0, MAX_RATINGS_NAMED).concat(winner.raw);
      this.warn(
        `The header gives ratings that disagree (${named.map(quoted).join(' and ')}); ` +
          `the most restrictive, ${quoted(winner.raw)}, is used. Check the rating.`,
      );
    }
  }

  /**
   * The unlabelled first line is the title; a `Title:` line fills it when there is none. The
   * `Title by Author` one-liner is split only when no author is named anywhere else.
   */
  private resolveTitle(titleLine: string | undefined): void {
    if (titleLine === undefined) {
      if (this.labelledTitle) this.header.title = this.labelledTitle;
      return;
    }
    const { rest, part } = extractPart(titleLine);
    let titleText = rest;
    if (this.header.authors === undefined) {
      const split = splitTitleAndAuthor(rest);
      if (split) {
        titleText = split.title;
        this.addToList('authors', [split.author]);
      }
    }
    const cleaned = cleanTitle(titleText);
    const title = cleaned.title === '' ? this.labelledTitle : cleaned.title;
    if (title) this.header.title = title;
    // The title line's own part marker wins over a `Part:` line, which `lines` keeps anyway.
    const linePart = part ?? cleaned.part;
    if (linePart) this.header.part = linePart;
    if (this.labelledTitle !== undefined && this.labelledTitle !== cleaned.title) {
      this.warn(
        `The first line ${quoted(titleLine)} and the Title line ${quoted(this.labelledTitle)} ` +
          'differ; the first line is used as the title.',
      );
    }
  }

  finish(zone: HeaderZone): { header: EntryHeader; warnings: string[] } {
    this.resolveRating();
    this.resolveTitle(zone.titleLine);
    if (this.sequelTo !== undefined) this.setOnce('series', { name: this.sequelTo });
    if (zone.epigraph) {
      this.header.epigraph = zone.epigraph;
      this.setOnce('song', parseSongCredit(creditText(zone.epigraph.credit)));
    }
    if (this.extra.size > 0) this.header.extra = Object.fromEntries(this.extra);
    return { header: this.header, warnings: [...this.warnings] };
  }
}

/** Builds the header fields and warnings from a header zone. */
export function assembleHeader(zone: HeaderZone): { header: EntryHeader; warnings: string[] } {
  const builder = new HeaderBuilder(zone.detected);
  for (const entry of zone.entries) builder.addEntry(entry);
  return builder.finish(zone);
}
