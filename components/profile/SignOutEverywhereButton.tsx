"use client";
import { useState } from "react";
import { signOut } from "next-auth/react";

/** Revokes every session of the account (other browsers and devices, and this one). */
export function SignOutEverywhereButton() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onClick() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/profile/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (!res.ok) {
        const data = (await res.json().catch(() => ({}))) as { error?: string };
        setError(data.error ?? "Signing out everywhere failed.");
        return;
      }
      // This session is revoked too: drop its cookie and go to the sign-in page.
      await signOut({ callbackUrl: "/signin" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="sign-out-everywhere">
      {error && <p role="alert" className="error">{error}</p>}
      <p className="muted small">Ends every session of this account: other browsers and devices, and this one.</p>
      <button type="button" className="button secondary" onClick={() => void onClick()} disabled={busy}>
        Sign out everywhere
      </button>
    </div>
  );
}
