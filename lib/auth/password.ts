import bcrypt from "bcryptjs";

// bcrypt (pure JS, so no native build): cost 10 keeps sign-in near 100 ms on a small machine.
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
