"use client";
import { useEffect, useState } from "react";
import styles from "./InviteLinksPanel.module.css";

interface InviteView {
  id: string;
  role: string;
  expiresAt: string | null;
  maxUses: number | null;
  uses: number;
  status: "active" | "expired" | "revoked" | "used up";
  createdAt: string;
}

const EXPIRY_CHOICES = [
  { label: "1 day", hours: 24 },
  { label: "7 days", hours: 24 * 7 },
  { label: "30 days", hours: 24 * 30 },
  { label: "Never", hours: null },
] as const;

/**
 * Invite links for a map or a team (`apiBase` is its `/invites` collection). The link is
 * shown once, right after creation: the server keeps only its hash.
 */
export function InviteLinksPanel({ apiBase }: { apiBase: string }) {
  const [invites, setInvites] = useState<InviteView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    fetch(apiBase)
      .then(async (res) => {
        const data = await res.json().catch(() => ({}));
        if (!live) return;
        if (res.ok) setInvites(data as InviteView[]);
        else setError((data as { error?: string }).error ?? "Could not load invite links.");
      })
      .catch(() => live && setError("Could not load invite links."));
    return () => {
      live = false;
    };
  }, [apiBase]);

  async function onCreate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expiry = String(form.get("expiry"));
    const uses = String(form.get("uses"));
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(apiBase, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          role: form.get("role"),
          expiresInHours: expiry === "never" ? null : Number(expiry),
          maxUses: uses === "unlimited" ? null : Number(uses),
        }),
      });
      const data = (await res.json().catch(() => ({}))) as { error?: string; path?: string; invite?: InviteView };
      if (!res.ok || !data.path || !data.invite) {
        setError(data.error ?? "Could not create the link.");
        return;
      }
      setCreated(new URL(data.path, window.location.origin).toString());
      setInvites((list) => [data.invite!, ...(list ?? [])]);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string) {
    setError(null);
    const res = await fetch(`${apiBase}/${id}`, { method: "DELETE" });
    const data = await res.json().catch(() => ({}));
    if (res.ok) setInvites(data as InviteView[]);
    else setError((data as { error?: string }).error ?? "Could not revoke the link.");
  }

  return (
    <section className={styles.section} data-testid="invite-links">
      <h3 className={styles.heading}>Invite link</h3>
      <form onSubmit={onCreate} className={styles.form}>
        <label>
          Role
          <select name="role" defaultValue="commenter" aria-label="Invite role">
            <option value="editor">Editor</option>
            <option value="commenter">Commenter</option>
            <option value="viewer">Viewer</option>
          </select>
        </label>
        <label>
          Expires
          <select name="expiry" defaultValue={String(24 * 7)} aria-label="Invite expiry">
            {EXPIRY_CHOICES.map((c) => (
              <option key={c.label} value={c.hours === null ? "never" : String(c.hours)}>{c.label}</option>
            ))}
          </select>
        </label>
        <label>
          Uses
          <select name="uses" defaultValue="1" aria-label="Invite uses">
            <option value="1">Once</option>
            <option value="10">10 people</option>
            <option value="unlimited">Unlimited</option>
          </select>
        </label>
        <button className="button" type="submit" disabled={busy}>Create link</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {created && (
        <p className={styles.created}>
          <span className="small">Copy this link now; it is not shown again:</span>
          <input readOnly value={created} aria-label="New invite link" data-testid="new-invite-link" onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="button secondary" onClick={() => void navigator.clipboard?.writeText(created)}>Copy</button>
        </p>
      )}
      {invites && invites.length > 0 && (
        <ul className={styles.list}>
          {invites.map((i) => (
            <li key={i.id} data-testid="invite-row" data-status={i.status}>
              <span className={styles.role}>{i.role}</span>{" "}
              <span className="small">
                {i.uses}/{i.maxUses ?? "∞"} used ·{" "}
                {i.expiresAt ? `expires ${new Date(i.expiresAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}` : "never expires"}
              </span>{" "}
              <span className={styles.status}>{i.status}</span>
              {i.status === "active" && (
                <button type="button" className={styles.linkButton} onClick={() => void revoke(i.id)}>Revoke</button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
