import bcrypt from "bcryptjs";

// bcrypt (pure JS, so no native build): cost 10 keeps sign-in near 100 ms on a small machine.
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * For an unknown email (or an account without a password): the same bcrypt work as a wrong
 * password, so the answer's timing does not tell which emails have accounts. Always false.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(`no account ${Math.random()}`);
  await bcrypt.compare(password, await dummyHash);
  return false;
}
