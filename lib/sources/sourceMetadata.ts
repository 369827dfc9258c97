import { z } from "zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

const optionalDate = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v, ctx) => {
    if (!v) return null;
    const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: `“${v}” is not a date (use YYYY-MM-DD).` });
      return z.NEVER;
    }
    return date;
  });

/** Cite metadata of a new source, as sent by the add-source form (multipart fields or JSON). */
export const sourceMetadataSchema = z.object({
  title: z.string({ error: "A title is required." }).trim().min(1, "A title is required.").max(300, "The title is too long (300 characters at most)."),
  author: optionalText(300),
  authorQualifications: optionalText(500),
  publisher: optionalText(300),
  publishedAt: optionalDate,
  url: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v, ctx) => {
      if (!v) return null;
      try {
        const url = new URL(v);
        if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
      } catch {
        /* reported below */
      }
      ctx.addIssue({ code: "custom", message: "The URL must be an http(s) address." });
      return z.NEVER;
    }),
  accessedAt: optionalDate,
});

export type SourceMetadata = z.infer<typeof sourceMetadataSchema>;

export const pastedSourceSchema = sourceMetadataSchema.extend({
  text: z.string({ error: "Paste the source text or upload a file." }).max(10 * 1024 * 1024, "The text is too long."),
});
