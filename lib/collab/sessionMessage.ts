import * as decoding from "lib0/decoding";
import { z } from "zod";

/** The `session` message (type 101) the server sends right after a socket opens. */
export const sessionMessageSchema = z.object({
  role: z.enum(["owner", "editor", "commenter", "viewer"]),
  readOnly: z.boolean(),
  userId: z.string(),
});

export type SessionMessage = z.infer<typeof sessionMessageSchema>;

/** Reads the JSON payload after the message type; null when it is not a valid session. */
export function readSessionMessage(decoder: decoding.Decoder): SessionMessage | null {
  try {
    const parsed = sessionMessageSchema.safeParse(JSON.parse(decoding.readVarString(decoder)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
