/**
 * Input cleanup for the header parser (HEADERS.md, "Input arrives with ...").
 *
 * The parser never edits the input: it reads cleaned copies of its lines and remembers where each
 * line starts in the original, so that the body can be returned as a byte-exact suffix of what the
 * writer pasted. One left-to-right pass, linear in the input size.
 */

/** One line of the input after cleanup, with the offset where it starts in the original text. */
export interface SourceLine {
  /**
   * The line's text with HTML tags and comments removed, entities decoded, CR/CRLF line breaks,
   * invisible characters (BOM, zero-width) dropped, NBSP and tabs turned into spaces and fullwidth
   * colons into ASCII ones.
   */
  readonly text: string;
  /** Offset in the original input where the line starts; an opening block tag belongs to its line. */
  readonly start: number;
  /** A horizontal rule (`<hr>`): a separator line that has no text. */
  readonly isRule: boolean;
}

// Tags that break a line like a newline does.
const LINE_BREAK_TAGS = new Set(['br']);
// Tags that end a paragraph: a paragraph break reads like a blank line in plain text.
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'blockquote',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'pre',
  'center',
  'section',
  'article',
  'header',
  'footer',
  'body',
  'html',
  'head',
]);
const RULE_TAGS = new Set(['hr']);
// Inline formatting is dropped. Only known HTML names count as tags, so that `<sigh>` or `<3` in a
// header is kept as the writer's text (nothing typed is lost).
const INLINE_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'del',
  'ins',
  'span',
  'font',
  'a',
  'small',
  'big',
  'sup',
  'sub',
  'cite',
  'q',
  'abbr',
  'acronym',
  'code',
  'tt',
  'mark',
  'img',
  'lj',
  'lj-cut',
  'wbr',
  'meta',
  'link',
  'title',
  'style',
  'script',
]);

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
  ['ensp', ' '],
  ['emsp', ' '],
  ['thinsp', ' '],
  ['ndash', '\u2013'],
  ['mdash', '\u2014'],
  ['hellip', '\u2026'],
  ['lsquo', '\u2018'],
  ['rsquo', '\u2019'],
  ['ldquo', '\u201c'],
  ['rdquo', '\u201d'],
  ['laquo', '\u00ab'],
  ['raquo', '\u00bb'],
  ['middot', '\u00b7'],
  ['bull', '\u2022'],
  ['copy', '\u00a9'],
  ['reg', '\u00ae'],
  ['trade', '\u2122'],
  ['deg', '\u00b0'],
  ['times', '\u00d7'],
  ['hearts', '\u2665'],
  ['shy', '\u00ad'],
  ['zwj', '\u200d'],
  ['zwnj', '\u200c'],
  ['eacute', '\u00e9'],
  ['egrave', '\u00e8'],
  ['aacute', '\u00e1'],
  ['agrave', '\u00e0'],
  ['iacute', '\u00ed'],
  ['oacute', '\u00f3'],
  ['uacute', '\u00fa'],
  ['auml', '\u00e4'],
  ['ouml', '\u00f6'],
  ['uuml', '\u00fc'],
  ['szlig', '\u00df'],
  ['ccedil', '\u00e7'],
  ['ntilde', '\u00f1'],
]);

const MAX_TAG_LENGTH = 1024;
const MAX_ENTITY_LENGTH = 34;

/** Characters the scanner must look at; everything else is copied in runs. */
function needsAttention(code: number): boolean {
  return (
    code === 0x0a || // \n
    code === 0x0d || // \r
    code === 0x09 || // tab
    code === 0x0b || // vertical tab
    code === 0x0c || // form feed
    code === 0x3c || // <
    code === 0x26 || // &
    code === 0x2028 || // line separator
    code === 0x2029 || // paragraph separator
    (code >= 0x80 && cleanCharacter(code) !== undefined)
  );
}

/** How one character reads in cleaned text: '' drops it, undefined keeps it as it is. */
function cleanCharacter(code: number): string | undefined {
  switch (code) {
    case 0x09:
    case 0x0b:
    case 0x0c:
    case 0x00a0: // NBSP
    case 0x2007: // figure space
    case 0x202f: // narrow NBSP
    case 0x3000: // ideographic space
      return ' ';
    case 0x00ad: // soft hyphen
    case 0x200b: // zero-width space
    case 0x200c: // zero-width non-joiner
    case 0x200d: // zero-width joiner
    case 0x200e: // left-to-right mark
    case 0x200f: // right-to-left mark
    case 0x2060: // word joiner
    case 0xfeff: // BOM / zero-width no-break space
      return '';
    case 0xff1a: // fullwidth colon
      return ':';
    default:
      return code >= 0x2000 && code <= 0x200a ? ' ' : undefined;
  }
}

/**
 * The cleaned lines of an input. Stored as parallel arrays rather than one object per line: a
 * megabyte of newlines is a million lines, and a million long-lived objects make the garbage
 * collector's work grow faster than the input. `at` builds a short-lived view on demand.
 */
export class SourceLines {
  private readonly texts: string[] = [];
  private readonly starts: number[] = [];
  private readonly rules: boolean[] = [];

  get length(): number {
    return this.texts.length;
  }

  at(index: number): SourceLine | undefined {
    const text = this.texts[index];
    if (text === undefined) return undefined;
    return { text, start: this.starts[index] ?? 0, isRule: this.rules[index] ?? false };
  }

  /** All lines as objects, for tests and small inputs. */
  toArray(): SourceLine[] {
    return this.texts.map((_, index) => this.at(index) as SourceLine);
  }

  /** @internal Used while splitting. */
  push(text: string, start: number, isRule: boolean): void {
    this.texts.push(text);
    this.starts.push(start);
    this.rules.push(isRule);
  }

  /** @internal Whether the last line has text or is a rule (a paragraph gap is needed after it). */
  lastHasContent(): boolean {
    const last = this.texts.length - 1;
    return last >= 0 && (this.rules[last] === true || (this.texts[last] ?? '').trim() !== '');
  }
}

/** Accumulates cleaned lines and applies the HTML line-break rules. */
class LineCollector {
  readonly lines = new SourceLines();
  private text = '';
  private start = 0;
  private hasContent = false;
  // After a paragraph-ending tag, the next content starts a new paragraph: a blank line in between.
  private paragraphPending = false;
  // Newlines right after a `<br>` or paragraph tag are source formatting, not extra line breaks.
  private newlinesToAbsorb: 0 | 1 | 'all' = 0;

  append(text: string): void {
    if (text === '') return;
    if (!this.hasContent && /\S/.test(text)) {
      if (this.paragraphPending) this.insertParagraphGap();
      this.hasContent = true;
      this.paragraphPending = false;
      this.newlinesToAbsorb = 0;
    }
    this.text += text;
  }

  /** A newline in the source text; `next` is where the following line starts. */
  newline(next: number): void {
    if (!this.hasContent && this.newlinesToAbsorb !== 0) {
      if (this.newlinesToAbsorb === 1) this.newlinesToAbsorb = 0;
      this.restart(next);
      return;
    }
    this.endLine(next);
  }

  /** `<br>`: ends the line; the line after it starts after the tag. */
  lineBreakTag(tagEnd: number): void {
    this.endLine(tagEnd);
    this.newlinesToAbsorb = 1;
  }

  /** `<p>`, `</p>`, `<div>`...: a paragraph boundary. An opening tag belongs to the next line. */
  blockTag(tagStart: number, tagEnd: number, opening: boolean): void {
    const next = opening ? tagStart : tagEnd;
    if (this.hasContent) this.endLine(next);
    else this.restart(next);
    this.paragraphPending = this.lines.length > 0;
    this.newlinesToAbsorb = 'all';
  }

  /** `<hr>`: a separator line of its own. */
  ruleTag(tagStart: number, tagEnd: number): void {
    if (this.hasContent) this.endLine(tagStart);
    this.lines.push('', tagStart, true);
    this.restart(tagEnd);
    this.paragraphPending = false;
    this.newlinesToAbsorb = 1;
  }

  finish(): SourceLines {
    this.lines.push(this.text, this.start, false);
    return this.lines;
  }

  private endLine(next: number): void {
    this.lines.push(this.text, this.start, false);
    this.restart(next);
    this.newlinesToAbsorb = 0;
  }

  private restart(next: number): void {
    this.text = '';
    this.start = next;
    this.hasContent = false;
  }

  private insertParagraphGap(): void {
    if (this.lines.lastHasContent()) this.lines.push('', this.start, false);
  }
}

interface Tag {
  name: string;
  closing: boolean;
  end: number;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isTagNameCharacter(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
}

/**
 * Reads `<name ...>` or `</name>` at `at`. Scans at most MAX_TAG_LENGTH characters and stops at the
 * next `<`, so a failed attempt never rescans text another attempt covers: linear overall.
 */
function readTag(input: string, at: number): Tag | undefined {
  let index = at + 1;
  const closing = input.charCodeAt(index) === 0x2f;
  if (closing) index += 1;
  const nameStart = index;
  if (!isAsciiLetter(input.charCodeAt(index))) return undefined;
  while (
    index < input.length &&
    index - nameStart < 16 &&
    isTagNameCharacter(input.charCodeAt(index))
  )
    index += 1;
  const name = input.slice(nameStart, index).toLowerCase();
  const limit = Math.min(input.length, at + MAX_TAG_LENGTH);
  for (; index < limit; index += 1) {
    const code = input.charCodeAt(index);
    if (code === 0x3e) return { name, closing, end: index + 1 };
    if (code === 0x3c) return undefined;
    // The name must be followed by whitespace, `/` or `>`: `<brick>` is not `<br>`.
    if (index === nameStart + name.length && code !== 0x2f && code > 0x20) return undefined;
  }
  return undefined;
}

/** Reads `&name;`, `&#123;` or `&#x7b;` at `at`; undefined when it is not an entity we know. */
function readEntity(input: string, at: number): { text: string; end: number } | undefined {
  const semicolon = indexWithin(input, ';', at + 1, MAX_ENTITY_LENGTH);
  if (semicolon < 0) return undefined;
  const body = input.slice(at + 1, semicolon);
  let text: string | undefined;
  if (/^#\d{1,7}$/.test(body)) text = codePointText(Number.parseInt(body.slice(1), 10));
  else if (/^#[xX][\da-fA-F]{1,6}$/.test(body))
    text = codePointText(Number.parseInt(body.slice(2), 16));
  else if (/^[A-Za-z][A-Za-z\d]*$/.test(body)) text = NAMED_ENTITIES.get(body.toLowerCase());
  return text === undefined ? undefined : { text, end: semicolon + 1 };
}

function codePointText(codePoint: number): string | undefined {
  const valid =
    codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
  return valid ? String.fromCodePoint(codePoint) : undefined;
}

/** The `>` closing a tag opened before `from`; -1 at the next `<` or after MAX_TAG_LENGTH. */
function findTagClose(input: string, from: number): number {
  const limit = Math.min(input.length, from + MAX_TAG_LENGTH);
  for (let index = from; index < limit; index += 1) {
    const code = input.charCodeAt(index);
    if (code === 0x3e) return index;
    if (code === 0x3c) return -1;
  }
  return -1;
}

/** indexOf that looks at most `span` characters from `from`, so repeated failures stay linear. */
function indexWithin(input: string, needle: string, from: number, span: number): number {
  const found = input.slice(from, from + span).indexOf(needle);
  return found < 0 ? -1 : from + found;
}

/** A decoded entity goes through the same cleanup as a typed character (`&nbsp;` is a space). */
function cleanDecoded(text: string): string {
  const cleaned = cleanCharacter(text.charCodeAt(0));
  return text.length === 1 && cleaned !== undefined ? cleaned : text;
}

/**
 * Splits the input into cleaned lines (see SourceLine). Line breaks are LF, CRLF, bare CR, U+2028,
 * U+2029 and `<br>`; paragraph tags (`<p>`, `<div>`...) separate paragraphs like a blank line;
 * `<hr>` is a separator line; HTML comments are ignored. Always returns at least one line.
 */
export function splitSourceLines(input: string): SourceLines {
  const lines = new LineCollector();
  // Once a `<!--` has no `-->` after it, no later one can: remembering that keeps the scan linear.
  let commentsCanClose = true;
  let runStart = 0;
  let index = 0;
  while (index < input.length) {
    const code = input.charCodeAt(index);
    if (!needsAttention(code)) {
      index += 1;
      continue;
    }
    lines.append(input.slice(runStart, index));
    let next = index + 1;
    if (code === 0x0a || code === 0x2028 || code === 0x2029) {
      lines.newline(next);
    } else if (code === 0x0d) {
      if (input.charCodeAt(next) === 0x0a) next += 1;
      lines.newline(next);
    } else if (code === 0x3c) {
      next = readMarkup(input, index, lines, commentsCanClose);
      if (next < 0) {
        commentsCanClose = false;
        next = index + 1;
        lines.append('<');
      }
    } else if (code === 0x26) {
      const entity = readEntity(input, index);
      if (entity) {
        lines.append(cleanDecoded(entity.text));
        next = entity.end;
      } else {
        lines.append('&');
      }
    } else {
      const cleaned = cleanCharacter(code);
      lines.append(cleaned ?? input[index] ?? '');
    }
    index = next;
    runStart = next;
  }
  lines.append(input.slice(runStart));
  return lines.finish();
}

/**
 * Handles markup starting with `<` at `at` and returns where scanning resumes. Returns `at + 1`
 * after appending a literal `<` when it is not markup, and -1 for a `<!--` that never closes.
 */
function readMarkup(
  input: string,
  at: number,
  lines: LineCollector,
  commentsCanClose: boolean,
): number {
  if (input.startsWith('<!--', at)) {
    if (!commentsCanClose) {
      lines.append('<');
      return at + 1;
    }
    const close = input.indexOf('-->', at + 4);
    return close < 0 ? -1 : close + 3;
  }
  if (input.startsWith('<!', at)) {
    // <!DOCTYPE html> and friends.
    const close = isAsciiLetter(input.charCodeAt(at + 2)) ? findTagClose(input, at + 2) : -1;
    if (close > 0) return close + 1;
    lines.append('<');
    return at + 1;
  }
  const tag = readTag(input, at);
  if (!tag) {
    lines.append('<');
    return at + 1;
  }
  if (LINE_BREAK_TAGS.has(tag.name)) lines.lineBreakTag(tag.end);
  else if (BLOCK_TAGS.has(tag.name)) lines.blockTag(at, tag.end, !tag.closing);
  else if (RULE_TAGS.has(tag.name)) lines.ruleTag(at, tag.end);
  else if (!INLINE_TAGS.has(tag.name)) {
    lines.append('<');
    return at + 1;
  }
  return tag.end;
}
