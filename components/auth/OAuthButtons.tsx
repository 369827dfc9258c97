"use client";
import { signIn } from "next-auth/react";

/** One button per OAuth provider this deployment has configured (none: renders nothing). */
export function OAuthButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div style={{ display: "grid", gap: 8, marginTop: 14 }} data-testid="oauth-buttons">
      {providers.map((p) => (
        <button key={p.id} type="button" className="button secondary" onClick={() => void signIn(p.id, { callbackUrl })}>
          Continue with {p.name}
        </button>
      ))}
    </div>
  );
}
