import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { findUserByEmail } from "../db/users";
import { verifyPassword } from "./password";
import { signInSchema } from "./credentialsSchema";
import { CLIENT_IP_HEADER, limiters } from "./attemptLimiter";
import { oauthProvidersFromEnv, providerVerifiedEmail } from "./oauthProviders";
import { findOrCreateOAuthUser } from "../db/oauthAccounts";
import { sampleMapTemplate } from "../../prisma/seed/sampleTemplate";

export const TOO_MANY_SIGN_INS = "Too many sign-in attempts. Wait 15 minutes and try again.";

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
        const account = parsed.data.email;
        // Only failures count, so a busy shared address (a classroom) can still sign in.
        if (limiters.signInPerIp.blocked(ip) || limiters.signInPerAccount.blocked(account)) throw new Error(TOO_MANY_SIGN_INS);
        const user = await findUserByEmail(account);
        // An OAuth-only account has no password, so a password sign-in fails like a wrong one.
        if (!user?.passwordHash || !(await verifyPassword(parsed.data.password, user.passwordHash))) {
          limiters.signInPerIp.hit(ip);
          limiters.signInPerAccount.hit(account);
          return null;
        }
        limiters.signInPerAccount.reset(account);
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
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
