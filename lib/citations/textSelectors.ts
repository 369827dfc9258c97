import { z } from "zod";

/**
 * A citation's anchor in a source's plain text, as the W3C Web Annotation TextQuoteSelector
 * (exact + prefix + suffix) and TextPositionSelector (start, end: 0-based, end exclusive)
 * stored together. The position is fast and unambiguous while the text is unchanged; the quote
 * and its context are what let the citation survive a new version of the source.
 */
export interface TextSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export const SELECTOR_CONTEXT_LENGTH = 32;
export const MAX_QUOTE_LENGTH = 20_000;
// Twice the default context, so selectors made with a wider context by other tools still validate.
export const MAX_CONTEXT_LENGTH = 64;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export function describeRange(text: string, start: number, end: number, context = SELECTOR_CONTEXT_LENGTH): TextSelector {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
    throw new RangeError(`range ${start}..${end} is not a non-empty range of a ${text.length}-character text`);
  }
  let prefixStart = Math.max(0, start - context);
  let suffixEnd = Math.min(text.length, end + context);
  // A context cut through a surrogate pair would store half a character, which no later text matches.
  if (prefixStart > 0 && prefixStart < start && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  if (suffixEnd < text.length && suffixEnd > end && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end,
  };
}

/** True while the position selector still points at the quoted words, i.e. no re-anchoring is needed. */
export function selectorMatches(text: string, selector: Pick<TextSelector, "exact" | "start" | "end">): boolean {
  return selector.exact.length > 0 && text.slice(selector.start, selector.end) === selector.exact;
}

const offset = z.number().int().min(0);

export const citationSelectorSchema = z
  .object({
    exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
    prefix: z.string().max(MAX_CONTEXT_LENGTH),
    suffix: z.string().max(MAX_CONTEXT_LENGTH),
    start: offset,
    end: offset,
  })
  .refine((s) => s.end > s.start, { message: "end must be greater than start", path: ["end"] })
  // Catches selectors whose quote and position disagree before they are stored, not at the next import.
  .refine((s) => s.end - s.start === s.exact.length, {
    message: "end - start must equal the length of exact",
    path: ["end"],
  });

export type CitationSelector = z.infer<typeof citationSelectorSchema>;
