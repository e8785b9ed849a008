/* eslint-disable no-control-regex -- matching control characters is the point of this module */
// Control characters in text a person typed are always accidents or attacks; NUL in particular
// cannot be stored by PostgreSQL. Line fields allow none; multi-line fields keep tab, LF and CR.
// The noncharacters U+FFFE/U+FFFF and unpaired surrogates are not text at all (no valid UTF-8 or
// XML holds them, so an EPUB download would break).
// (Matched without the u flag on purpose: surrogates are then seen as the code units they are.)
const SINGLE_LINE_FORBIDDEN =
  /[\u0000-\u001f\u007f\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MULTI_LINE_FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** zod refinement for one-line text: no control characters at all. */
export const singleLine = [
  (value: string) => !SINGLE_LINE_FORBIDDEN.test(value),
  {
    message:
      'Remove the control or invalid characters (such as line breaks or NUL) from this text.',
  },
] as const;

/** zod refinement for multi-line text: line breaks and tabs allowed, other control characters not. */
export const multiLine = [
  (value: string) => !MULTI_LINE_FORBIDDEN.test(value),
  { message: 'Remove the control or invalid characters (such as NUL) from this text.' },
] as const;
