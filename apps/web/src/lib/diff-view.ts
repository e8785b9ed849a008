import type { RevisionDiff } from '@ficathon/schema';

export interface DiffLine {
  kind: 'same' | 'added' | 'removed' | 'skipped';
  text: string;
}

/** Unchanged lines shown on each side of a change; longer unchanged runs are folded. */
const CONTEXT = 3;

/**
 * A line diff as lines to show: each change's text split into its lines, and long runs of
 * unchanged lines folded to their first and last few ("… 12 unchanged lines").
 */
export function diffLines(changes: RevisionDiff['changes'], context = CONTEXT): DiffLine[] {
  const lines: DiffLine[] = [];
  changes.forEach((change, index) => {
    const parts = change.text.split('\n');
    // A chunk ends with its last line's newline: that leaves one empty string, not a line.
    if (parts.length > 1 && parts.at(-1) === '') parts.pop();
    if (change.kind !== 'same') {
      for (const text of parts) lines.push({ kind: change.kind, text });
      return;
    }
    const keepHead = index === 0 ? 0 : context;
    const keepTail = index === changes.length - 1 ? 0 : context;
    if (parts.length <= keepHead + keepTail + 1) {
      for (const text of parts) lines.push({ kind: 'same', text });
      return;
    }
    for (const text of parts.slice(0, keepHead)) lines.push({ kind: 'same', text });
    const skipped = parts.length - keepHead - keepTail;
    lines.push({
      kind: 'skipped',
      text: `${skipped} unchanged line${skipped === 1 ? '' : 's'}`,
    });
    for (const text of parts.slice(parts.length - keepTail)) lines.push({ kind: 'same', text });
  });
  return lines;
}
