import { z } from "zod";

export const COMMENT_MAX_LENGTH = 5000;

// Comments are plain text shown as React text, so markup could never run; a body that
// looks like HTML is still refused so nobody writes markup expecting it to render.
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--/i;
// Control characters other than tab and newline garble the display and have no use here.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** A comment's text: trimmed, 1–5000 characters, plain text. */
export const commentBodySchema = z
  .string({ message: "body is required: the text of the comment." })
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "A comment cannot be empty.")
      .max(COMMENT_MAX_LENGTH, `A comment can be at most ${COMMENT_MAX_LENGTH} characters.`)
      .refine((s) => !HTML_TAG.test(s), "Comments are plain text; HTML tags are not allowed.")
      .refine((s) => !CONTROL_CHARS.test(s), "The comment contains control characters."),
  );
