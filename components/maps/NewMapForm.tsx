"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import styles from "./NewMapForm.module.css";

/** "New map": a title and the question; creates it (in a team when given) and opens it. */
export function NewMapForm({ teamId, teams = [] }: { teamId?: string; teams?: { id: string; name: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosenTeam = teamId ?? (String(form.get("teamId") ?? "") || null);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/maps", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: form.get("title"), question: form.get("question"), teamId: chosenTeam }),
      });
      const data = (await res.json().catch(() => ({}))) as { id?: string; error?: string };
      if (!res.ok || !data.id) {
        setError(data.error ?? "Creating the map failed.");
        return;
      }
      router.push(`/maps/${data.id}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className={styles.panel} data-testid="new-map">
      <summary className="button">New map</summary>
      <form onSubmit={onSubmit} className={styles.form} noValidate>
        {error && <p role="alert" className="error">{error}</p>}
        <label className="field">
          Title
          <input name="title" required maxLength={200} placeholder="Carbon tax debate" />
        </label>
        <label className="field">
          Question
          <input name="question" required maxLength={500} placeholder="Should the U.S. adopt a carbon tax?" />
        </label>
        {!teamId && teams.length > 0 && (
          <label className="field">
            Team
            <select name="teamId" defaultValue="">
              <option value="">Personal (no team)</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>{t.name}</option>
              ))}
            </select>
          </label>
        )}
        <button className="button" type="submit" disabled={busy}>{busy ? "Creating…" : "Create map"}</button>
      </form>
    </details>
  );
}
