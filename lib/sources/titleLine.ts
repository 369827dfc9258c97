/**
 * Whether a source's first line reads as its title (the reader shows it as a heading): short,
 * and not a sentence. A pasted text often starts straight with its first paragraph, which must
 * stay a paragraph.
 */
export function looksLikeTitle(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > 160) return false;
  // A sentence ends with . or ! (optionally inside closing quotes or brackets); a title seldom
  // does (a question may be either: within the length limits it counts as a title).
  if (/[.!…]["'”’)\]]*$/.test(text)) return false;
  return text.split(/\s+/).length <= 24;
}
