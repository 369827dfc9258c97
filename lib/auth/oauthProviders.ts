import type { Provider } from "next-auth/providers/index";
import GitHubProvider from "next-auth/providers/github";

/** What the sign-in page needs to show a button per configured provider. */
export interface OAuthProviderInfo {
  id: "github" | "oidc";
  name: string;
}

/**
 * The OAuth providers this deployment offers, each only when all of its environment
 * variables are set: GitHub (GITHUB_ID, GITHUB_SECRET) and a generic OpenID Connect provider
 * (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET; OIDC_NAME labels its button).
 */
export function configuredOAuthProviders(env: NodeJS.ProcessEnv = process.env): OAuthProviderInfo[] {
  const out: OAuthProviderInfo[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) out.push({ id: "github", name: "GitHub" });
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) out.push({ id: "oidc", name: env.OIDC_NAME || "Single sign-on" });
  return out;
}

export function oauthProvidersFromEnv(env: NodeJS.ProcessEnv = process.env): Provider[] {
  return configuredOAuthProviders(env).map((p): Provider => {
    if (p.id === "github") return GitHubProvider({ clientId: env.GITHUB_ID!, clientSecret: env.GITHUB_SECRET! });
    const issuer = env.OIDC_ISSUER!.replace(/\/+$/, "");
    return {
      id: "oidc",
      name: p.name,
      type: "oauth",
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      issuer,
      clientId: env.OIDC_CLIENT_ID!,
      clientSecret: env.OIDC_CLIENT_SECRET!,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string; preferred_username?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.preferred_username ?? null };
      },
    };
  });
}

/** Whether the provider vouches for the email it sent (OIDC `email_verified`). */
export function providerVerifiedEmail(provider: string, profile: unknown): boolean {
  // GitHub's profile does not say whether its public email is verified, so a GitHub sign-in
  // never takes over an existing password account by email.
  if (provider !== "oidc") return false;
  return (profile as { email_verified?: unknown } | undefined)?.email_verified === true;
}

/** Sign-in page messages for `?error=` codes (ours and next-auth's); unknown codes get a generic one. */
export function signInErrorMessage(code: string): string {
  switch (code) {
    case "NoEmail":
      return "The provider did not share an email address, so no account could be found or created.";
    case "EmailTaken":
      return "An account with this email already exists. Sign in with its password first.";
    case "CredentialsSignin":
      return "Wrong email or password.";
    default:
      return "That sign-in did not work. Try again.";
  }
}
