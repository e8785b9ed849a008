/**
 * The reading view's pure parts: scene breaks in a story's HTML, the entries before and after
 * one, and the reader's settings as stored in the browser.
 */

/**
 * A paragraph that is only a separator (`* * *`, `***`, `~~~`, `- - -`, `# # #`, `oOo` between
 * symbols, ...), as the API's renderer leaves scene breaks: `<p>* * *</p>`. Only symbols and
 * spaces, so nothing a writer typed as words can match.
 */
const SCENE_BREAK = /<p>((?:[ \t]*(?:[*~=_#+•·◆◇❖§-]|&amp;|o[Oo0]o)){3,}[ \t]*)<\/p>/g;

/**
 * Marks the scene breaks of sanitized story HTML so they can be set apart and centered. Adds a
 * fixed class to paragraphs that hold nothing but separator symbols; changes nothing else.
 */
export function markSceneBreaks(html: string): string {
  return html.replace(SCENE_BREAK, '<p class="scene-break">$1</p>');
}

export interface Neighbour {
  id: number;
  title: string;
}

/**
 * The entries on either side of `id` in a list in reading order: `previous` comes before it,
 * `next` after. Both null when the entry is not in the list.
 */
export function neighbours(
  list: readonly Neighbour[],
  id: number,
): { previous: Neighbour | null; next: Neighbour | null } {
  const at = list.findIndex((entry) => entry.id === id);
  if (at === -1) return { previous: null, next: null };
  const pick = (entry: Neighbour | undefined) =>
    entry ? { id: entry.id, title: entry.title } : null;
  return { previous: pick(list[at - 1]), next: pick(list[at + 1]) };
}

export const FONT_SIZES = ['small', 'standard', 'large', 'larger'] as const;
export const WIDTHS = ['narrow', 'standard', 'wide'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;

export interface ReaderSettings {
  fontSize: (typeof FONT_SIZES)[number];
  width: (typeof WIDTHS)[number];
  theme: (typeof THEMES)[number];
}

export const DEFAULT_READER_SETTINGS: ReaderSettings = {
  fontSize: 'standard',
  width: 'standard',
  theme: 'auto',
};

/** The key the settings are kept under in localStorage. */
export const READER_SETTINGS_KEY = 'ficathon.reader-settings';

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

/** Stored settings back to settings; anything missing or unreadable is the default. */
export function parseReaderSettings(stored: string | null): ReaderSettings {
  if (!stored) return { ...DEFAULT_READER_SETTINGS };
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return { ...DEFAULT_READER_SETTINGS };
  }
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    fontSize: oneOf(FONT_SIZES, raw.fontSize, DEFAULT_READER_SETTINGS.fontSize),
    width: oneOf(WIDTHS, raw.width, DEFAULT_READER_SETTINGS.width),
    theme: oneOf(THEMES, raw.theme, DEFAULT_READER_SETTINGS.theme),
  };
}

/** The classes that apply the settings to the article. */
export function readerClasses(settings: ReaderSettings): string {
  return `text-${settings.fontSize} width-${settings.width} theme-${settings.theme}`;
}
