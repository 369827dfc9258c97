/**
 * A text as the re-anchoring search sees it. New versions of a source often differ from the old
 * one only in layout: lines re-wrapped, runs of spaces collapsed, smart quotes straightened, soft
 * hyphens or zero-width spaces added by a PDF export. Matching on a normalised copy makes those
 * differences invisible, and the per-character index map turns a match back into exact offsets in
 * the original, which is what citations store.
 *
 * Normalisation: every run of whitespace becomes one space, typographic quotes and primes fold to
 * ASCII ' and ", invisible characters (soft hyphen, zero-width space/joiners, BOM) are dropped.
 */
export interface MatchingText {
  original: string;
  normalized: string;
  /** starts[i]: index in `original` of the first character normalised character i stands for. */
  starts: Int32Array;
  /** ends[i]: index in `original` just after the last character normalised character i stands for. */
  ends: Int32Array;
}

function isWhitespace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

function foldQuote(code: number): number {
  switch (code) {
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
      return 0x27; // '
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
      return 0x22; // "
    default:
      return code;
  }
}

export function prepareMatchingText(text: string): MatchingText {
  const codes = new Uint16Array(text.length);
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  let length = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isInvisible(code)) {
      // Inside a whitespace run the dropped character still belongs to the run's span.
      if (inSpace) ends[length - 1] = i + 1;
      continue;
    }
    if (isWhitespace(code)) {
      if (inSpace) {
        ends[length - 1] = i + 1;
        continue;
      }
      inSpace = true;
      codes[length] = 0x20;
    } else {
      inSpace = false;
      codes[length] = foldQuote(code);
    }
    starts[length] = i;
    ends[length] = i + 1;
    length++;
  }
  let normalized = "";
  const CHUNK = 8192; // String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < length; i += CHUNK) {
    normalized += String.fromCharCode(...codes.subarray(i, Math.min(length, i + CHUNK)));
  }
  return { original: text, normalized, starts: starts.slice(0, length), ends: ends.slice(0, length) };
}

export function normalizeForMatching(text: string): string {
  return prepareMatchingText(text).normalized;
}

/** The span of `original` that normalised characters [start, end) stand for; end > start. */
export function toOriginalRange(text: MatchingText, start: number, end: number): { start: number; end: number } {
  return { start: text.starts[start], end: text.ends[end - 1] };
}
