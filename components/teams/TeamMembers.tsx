"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import styles from "./TeamMembers.module.css";
import { can, type Role } from "@/lib/auth/policy";

interface Member {
  userId: string;
  /** Only owners get members' emails. */
  email?: string;
  name: string;
  role: Role;
}

/**
 * The team's members. Owners (`canManage`: the page asked the policy for team.manage) change
 * roles, remove members, add an existing account by email and transfer ownership; anyone can
 * leave (the last owner must transfer first).
 */
export function TeamMembers({ teamId, me, canManage, initialMembers }: { teamId: string; me: string; canManage: boolean; initialMembers: Member[] }) {
  // An owner's own role is fixed here (it changes by transfer): the policy's membership.change.
  const changeable = (m: Member) => can({ id: me }, "membership.change", { kind: "membership", role: m.role });
  const router = useRouter();
  const [members, setMembers] = useState(initialMembers);
  const [error, setError] = useState<string | null>(null);

  async function call(url: string, init: RequestInit, onOk: (data: unknown) => void) {
    setError(null);
    const res = await fetch(url, { ...init, headers: init.body ? { "content-type": "application/json" } : undefined });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) setError((data as { error?: string }).error ?? "That did not work.");
    else onOk(data);
  }

  const base = `/api/teams/${teamId}`;
  const changeRole = (m: Member, role: string) =>
    call(`${base}/members/${encodeURIComponent(m.userId)}`, { method: "PATCH", body: JSON.stringify({ role }) }, (d) => setMembers(d as Member[]));
  const remove = (m: Member) => {
    if (!window.confirm(`Remove ${m.name} from the team?`)) return;
    void call(`${base}/members/${encodeURIComponent(m.userId)}`, { method: "DELETE" }, () => setMembers((list) => list.filter((x) => x.userId !== m.userId)));
  };
  const leave = () => {
    if (!window.confirm("Leave this team? You lose access to its maps.")) return;
    void call(`${base}/members/${encodeURIComponent(me)}`, { method: "DELETE" }, () => {
      router.push("/teams");
      router.refresh();
    });
  };
  const transfer = (m: Member) => {
    if (!window.confirm(`Make ${m.name} the owner? You become an editor.`)) return;
    void call(`${base}/transfer`, { method: "POST", body: JSON.stringify({ userId: m.userId }) }, () => router.refresh());
  };

  async function addByEmail(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    await call(`${base}/members`, { method: "POST", body: JSON.stringify({ email: form.get("email"), role: form.get("role") }) }, (d) => {
      setMembers(d as Member[]);
      formElement.reset();
    });
  }

  return (
    <section data-testid="team-members">
      {error && <p role="alert" className="error">{error}</p>}
      <ul className={styles.members}>
        {members.map((m) => (
          <li key={m.userId} data-testid="team-member">
            <span className={styles.who}>
              {m.name} {m.email && <span className="muted small">{m.email}</span>}
            </span>
            {canManage && changeable(m) ? (
              <select value={m.role} onChange={(e) => void changeRole(m, e.target.value)} aria-label={`Role of ${m.name}`}>
                <option value="editor">Editor</option>
                <option value="commenter">Commenter</option>
                <option value="viewer">Viewer</option>
              </select>
            ) : (
              <span className={styles.role}>{m.role}</span>
            )}
            {canManage && m.userId !== me && (
              <>
                <button type="button" className={styles.link} onClick={() => transfer(m)}>Make owner</button>
                {changeable(m) && <button type="button" className={styles.danger} onClick={() => remove(m)}>Remove</button>}
              </>
            )}
            {m.userId === me && <button type="button" className={styles.danger} onClick={leave}>Leave team</button>}
          </li>
        ))}
      </ul>
      {canManage && (
        <form onSubmit={addByEmail} className={styles.form} noValidate>
          <input name="email" type="email" placeholder="teammate@example.com" aria-label="Email to add" required />
          <select name="role" aria-label="Team role" defaultValue="editor">
            <option value="editor">Editor</option>
            <option value="commenter">Commenter</option>
            <option value="viewer">Viewer</option>
          </select>
          <button className="button" type="submit">Add member</button>
        </form>
      )}
    </section>
  );
}
