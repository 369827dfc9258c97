"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

/** Accepts the invitation for the signed-in user and opens what it grants. */
export function AcceptInviteButton({ token, label }: { token: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/invites/accept", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) });
      const data = (await res.json().catch(() => ({}))) as { error?: string; redirectTo?: string };
      if (!res.ok || !data.redirectTo) {
        setError(data.error ?? "Accepting the invitation failed.");
        return;
      }
      router.push(data.redirectTo);
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="button" className="button" onClick={() => void accept()} disabled={busy}>{busy ? "Joining…" : label}</button>
    </>
  );
}
