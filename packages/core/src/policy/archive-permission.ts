/**
 * Whether a writer's archive/distribution line lets the organizers put the work in an anthology.
 * Writers answer in words ("Archive: yes", "Distribution: ask first", "sure, just let me know").
 * Only a clear yes counts: a no, an "ask", a condition we cannot check, or no answer at all keeps
 * the work out, because publishing without permission cannot be undone.
 */
export function allowsArchiving(archive: string | undefined): boolean {
  if (archive === undefined) return false;
  const text = archive.toLowerCase().replace(/[’']/g, "'");
  if (/\b(no|not|don't|do not|never|nope|ask|only|except|unless|but)\b/.test(text)) return false;
  return /\b(yes|yep|ok|okay|sure|fine|go ahead|anywhere|allowed|permitted|granted|please do|of course)\b/.test(
    text,
  );
}
