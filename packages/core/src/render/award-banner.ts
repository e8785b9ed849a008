const escapeXml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** "1st", "2nd", "3rd", "11th", "22nd"... */
export function ordinal(place: number): string {
  const tens = place % 100;
  if (tens >= 11 && tens <= 13) return `${place}th`;
  return `${place}${['th', 'st', 'nd', 'rd'][place % 10] ?? 'th'}`;
}

const COLOURS: Record<number, string> = { 1: '#b8860b', 2: '#707a85', 3: '#8c5a2b' };

/**
 * A small award banner (SVG) a placed entry's writer can put on their own pages. Every text is
 * escaped; the image names itself (role="img" and a <title>) for screen readers.
 */
export function renderAwardBanner(award: {
  place: number;
  category: string;
  challenge: string;
  entry: string;
}): string {
  const colour = COLOURS[award.place] ?? '#3d5a80';
  const headline = `${ordinal(award.place)} place · ${award.category}`;
  const label = `${headline} — “${award.entry}”, ${award.challenge}`;
  const clip = (text: string, max: number) =>
    text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="468" height="60" viewBox="0 0 468 60" role="img" aria-labelledby="award-title">
<title id="award-title">${escapeXml(label)}</title>
<rect width="468" height="60" rx="8" fill="#fffdf8" stroke="${colour}" stroke-width="3"/>
<circle cx="32" cy="30" r="18" fill="${colour}"/>
<text x="32" y="36" font-family="Georgia, serif" font-size="15" font-weight="bold" fill="#fff" text-anchor="middle">${escapeXml(String(award.place))}</text>
<text x="62" y="26" font-family="Georgia, serif" font-size="16" font-weight="bold" fill="#1b1b1b">${escapeXml(clip(headline, 48))}</text>
<text x="62" y="46" font-family="Georgia, serif" font-size="13" fill="#3a3a3a">${escapeXml(clip(`“${award.entry}” · ${award.challenge}`, 60))}</text>
</svg>
`;
}
