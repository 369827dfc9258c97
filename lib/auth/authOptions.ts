import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { findUserByEmail } from "../db/users";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { signInSchema } from "./credentialsSchema";
import { CLIENT_IP_HEADER, limiters } from "./attemptLimiter";
import { oauthProvidersFromEnv, providerVerifiedEmail } from "./oauthProviders";
import { findOrCreateOAuthUser } from "../db/oauthAccounts";
import { sampleMapTemplate } from "../../prisma/seed/sampleTemplate";
import { SESSION_VERSION_CLAIM, currentSessionVersion, sessionStillValid, tokenSessionVersion } from "./sessionVersion";
import { browserUsesHttps } from "../http/forwardedRequest";

export function tooManySignIns(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(raw, req) {
        const parsed = signInSchema.safeParse(raw ?? {});
        if (!parsed.success) return null;
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        const ip = headers[CLIENT_IP_HEADER] ?? "unknown";
        const account = parsed.data.email.toLowerCase();
        // Only failures count, so a busy shared address (a classroom) can still sign in; an
        // account is throttled per address, so an attacker elsewhere cannot lock its owner out.
        const check = limiters.signIn.check(account, ip);
        if (!check.allowed) throw new Error(tooManySignIns(check.retryAfterMs));
        const user = await findUserByEmail(account);
        // Unknown email, or an OAuth-only account without a password: fails like a wrong
        // password, after the same bcrypt work, so timing does not reveal which accounts exist.
        const ok = user?.passwordHash ? await verifyPassword(parsed.data.password, user.passwordHash) : await verifyAgainstDummy(parsed.data.password);
        if (!user || !ok) {
          limiters.signIn.recordFailure(account, ip);
          return null;
        }
        limiters.signIn.recordSuccess(account, ip);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    // GitHub / OIDC, each only when its environment variables are set (oauthProviders.ts).
    ...oauthProvidersFromEnv(),
  ],
  callbacks: {
    // An OAuth sign-in maps the provider account to our user (linking or creating it) here,
    // so the JWT's subject is always our user id, never the provider's.
    async signIn({ user, account, profile }) {
      if (!account || account.provider === "credentials") return true;
      const result = await findOrCreateOAuthUser({
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        email: user.email ?? null,
        emailVerified: providerVerifiedEmail(account.provider, profile),
        name: user.name ?? null,
      }, sampleMapTemplate);
      if (!result.ok) return `/signin?error=${result.reason}`;
      user.id = result.userId;
      return true;
    },
    async jwt({ token, user }) {
      // At sign-in: the token remembers the session version it was issued under.
      if (user) {
        token.sub = user.id;
        token[SESSION_VERSION_CLAIM] = await currentSessionVersion(user.id);
      }
      return token;
    },
    // Runs on every session lookup (getServerSession, /api/auth/session): a token issued before
    // the user's last password change or "sign out everywhere" resolves to no session at all.
    async session({ session, token }) {
      if (!token.sub || !(await versionStillValid(token.sub, tokenSessionVersion(token)))) return {} as Session;
      if (session.user) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};

/**
 * Fails closed when the database cannot answer (the request is treated as signed out), without
 * throwing: next-auth would log every such request and delete the browser's session cookie,
 * signing everyone out over a database blip.
 */
async function versionStillValid(userId: string, tokenVersion: number): Promise<boolean> {
  try {
    return await sessionStillValid(userId, tokenVersion);
  } catch (error) {
    console.error(`Session check failed (treated as signed out): ${String((error as Error).message ?? error).split("\n")[0]}`);
    return false;
  }
}

const secureAuthOptions: NextAuthOptions = { ...authOptions, useSecureCookies: true };

/**
 * The options for one request: Secure (`__Secure-`/`__Host-`) cookies when the browser is on
 * https (NEXTAUTH_URL https, or a trusted proxy said so: forwardedRequest.ts), so sign-in and
 * every later lookup agree on the cookie names.
 */
export function authOptionsFor(headers: { get(name: string): string | null }): NextAuthOptions {
  return browserUsesHttps(headers) ? secureAuthOptions : authOptions;
}
