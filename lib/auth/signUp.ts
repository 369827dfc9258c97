import { createUserWithSampleCopy } from "../db/maps";
import { EmailTakenError, findUserByEmail, isUniqueViolation } from "../db/users";
import { firstIssueMessage, signUpSchema } from "./credentialsSchema";
import { hashPassword } from "./password";
import { sampleMapTemplate } from "../../prisma/seed/sampleTemplate";

export type SignUpResult =
  | { ok: true; userId: string; mapId: string }
  | { ok: false; status: 400 | 409; error: string };

/** Validates, creates the account and its copy of the sample map; nothing partial on failure. */
export async function signUp(raw: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, error: firstIssueMessage(parsed.error) };
  const { email, password } = parsed.data;
  const name = parsed.data.name || email.split("@")[0];
  if (await findUserByEmail(email)) return { ok: false, status: 409, error: new EmailTakenError().message };
  try {
    const created = await createUserWithSampleCopy({ email, name, passwordHash: await hashPassword(password) }, sampleMapTemplate());
    return { ok: true, ...created };
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets the same answer.
    if (isUniqueViolation(error)) return { ok: false, status: 409, error: new EmailTakenError().message };
    throw error;
  }
}
