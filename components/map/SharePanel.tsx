"use client";
import { useState } from "react";
import styles from "./SharePanel.module.css";
import { InviteLinksPanel } from "@/components/invites/InviteLinksPanel";
import { can, type Role } from "@/lib/auth/policy";

interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * Owners add people who have an account, by email, as editor, commenter or viewer, remove
 * them, and create invite links; `children` holds the owner's other map tools.
 */
export function SharePanel({ mapId, me, initialMembers, children }: { mapId: string; me: string; initialMembers: Member[]; children?: React.ReactNode }) {
  const [members, setMembers] = useState(initialMembers);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/maps/${mapId}/members`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), role: form.get("role") }),
      });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) setError((data as { error?: string }).error ?? "Sharing failed.");
      else {
        setMembers(data as Member[]);
        formElement.reset();
      }
    } finally {
      setBusy(false);
    }
  }

  // Changing a member's role is the same share request with their address and the new role.
  async function changeRole(member: Member, role: string) {
    setError(null);
    const res = await fetch(`/api/maps/${mapId}/members`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: member.email, role }),
    });
    const data = await res.json().catch(() => ({}));
    if (res.ok) setMembers(data as Member[]);
    else setError((data as { error?: string }).error ?? "Changing the role failed.");
  }

  async function remove(member: Member) {
    if (!window.confirm(`Remove ${member.name} from this map?`)) return;
    setError(null);
    const res = await fetch(`/api/maps/${mapId}/members/${encodeURIComponent(member.userId)}`, { method: "DELETE" });
    const data = await res.json().catch(() => ({}));
    if (res.ok) setMembers(data as Member[]);
    else setError((data as { error?: string }).error ?? "Removing failed.");
  }

  return (
    <details className={styles.panel} data-testid="share-panel">
      <summary>Share · {members.length} member{members.length === 1 ? "" : "s"}</summary>
      <ul className={styles.members}>
        {members.map((m) => (
          <li key={m.userId}>
            <span>{m.name}</span> <span className="muted small">{m.email}</span>
            {/* An owner's share is not changed or removed from here (the policy's membership.change). */}
            {can({ id: me }, "membership.change", { kind: "membership", role: m.role }) ? (
              <>
                <select
                  className={styles.roleSelect}
                  value={m.role}
                  aria-label={`Role of ${m.name}`}
                  data-testid="member-role"
                  onChange={(e) => void changeRole(m, e.currentTarget.value)}
                >
                  <option value="editor">Editor</option>
                  <option value="commenter">Commenter</option>
                  <option value="viewer">Viewer</option>
                </select>
                <button type="button" className={styles.remove} onClick={() => void remove(m)} aria-label={`Remove ${m.name}`}>Remove</button>
              </>
            ) : (
              <span className={styles.role}>{m.role}</span>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={onSubmit} className={styles.form} noValidate>
        {error && <p role="alert" className="error">{error}</p>}
        <input name="email" type="email" placeholder="teammate@example.com" aria-label="Email to share with" required />
        <select name="role" aria-label="Role" defaultValue="editor">
          <option value="editor">Editor</option>
          <option value="commenter">Commenter</option>
          <option value="viewer">Viewer</option>
        </select>
        <button className="button" type="submit" disabled={busy}>Share</button>
      </form>
      <InviteLinksPanel apiBase={`/api/maps/${mapId}/invites`} />
      {children}
    </details>
  );
}
