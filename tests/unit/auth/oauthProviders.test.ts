import { describe, expect, it } from "vitest";
import { configuredOAuthProviders, oauthProvidersFromEnv, providerVerifiedEmail } from "../../../lib/auth/oauthProviders";
import { hashInviteToken, newInviteToken } from "../../../lib/auth/inviteToken";
import { higherRole } from "../../../lib/auth/policy";

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

describe("OAuth providers from the environment", () => {
  it("offers none when nothing is configured", () => {
    expect(configuredOAuthProviders(env({}))).toEqual([]);
    expect(oauthProvidersFromEnv(env({}))).toEqual([]);
  });

  it("needs both GitHub variables", () => {
    expect(configuredOAuthProviders(env({ GITHUB_ID: "id" }))).toEqual([]);
    expect(configuredOAuthProviders(env({ GITHUB_SECRET: "s" }))).toEqual([]);
    const providers = oauthProvidersFromEnv(env({ GITHUB_ID: "id", GITHUB_SECRET: "s" }));
    expect(providers.map((p) => p.id)).toEqual(["github"]);
  });

  it("needs all three OIDC variables and builds the well-known URL from the issuer", () => {
    expect(configuredOAuthProviders(env({ OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "c" }))).toEqual([]);
    const [oidc] = oauthProvidersFromEnv(env({ OIDC_ISSUER: "https://id.example.com/", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" }));
    expect(oidc).toMatchObject({
      id: "oidc",
      type: "oauth",
      wellKnown: "https://id.example.com/.well-known/openid-configuration",
      clientId: "c",
      clientSecret: "s",
    });
  });

  it("lists both, GitHub first, with the OIDC button named by OIDC_NAME", () => {
    const all = env({ GITHUB_ID: "id", GITHUB_SECRET: "s", OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s", OIDC_NAME: "School login" });
    expect(configuredOAuthProviders(all)).toEqual([
      { id: "github", name: "GitHub" },
      { id: "oidc", name: "School login" },
    ]);
  });

  it("trusts only an OIDC email_verified claim for linking by email", () => {
    expect(providerVerifiedEmail("oidc", { email_verified: true })).toBe(true);
    expect(providerVerifiedEmail("oidc", { email_verified: "true" })).toBe(false);
    expect(providerVerifiedEmail("oidc", {})).toBe(false);
    expect(providerVerifiedEmail("github", { email_verified: true })).toBe(false);
  });
});

describe("invite tokens and roles", () => {
  it("makes 32-byte base64url tokens and stores a SHA-256 hex digest", () => {
    const token = newInviteToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newInviteToken()).not.toBe(token);
    expect(hashInviteToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInviteToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("takes the higher of a team role and a direct share", () => {
    expect(higherRole("viewer", "editor")).toBe("editor");
    expect(higherRole("owner", "commenter")).toBe("owner");
    expect(higherRole(null, "commenter")).toBe("commenter");
    expect(higherRole(undefined, null)).toBeNull();
  });
});
