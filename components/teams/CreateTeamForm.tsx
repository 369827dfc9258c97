"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

/** Creates a team with the current user as its owner and opens it. */
export function CreateTeamForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/teams", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: form.get("name") }) });
      const data = (await res.json().catch(() => ({}))) as { id?: string; error?: string };
      if (!res.ok || !data.id) setError(data.error ?? "Creating the team failed.");
      else router.push(`/teams/${data.id}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="panel" style={{ display: "flex", gap: 8, alignItems: "flex-end", flexWrap: "wrap", padding: "12px 16px" }} noValidate>
      <label className="field" style={{ flex: "1 1 260px", margin: 0 }}>
        New team
        <input name="name" required maxLength={80} placeholder="Lincoln High debate" />
      </label>
      <button className="button" type="submit" disabled={busy}>Create team</button>
      {error && <p role="alert" className="error" style={{ flexBasis: "100%", margin: 0 }}>{error}</p>}
    </form>
  );
}
