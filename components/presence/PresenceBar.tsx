"use client";

import type { Presence } from "@/lib/collab/presenceStates";
import { userInitials } from "@/lib/collab/userColor";
import styles from "./PresenceBar.module.css";

/** Avatars (initials on the user's colour) of everyone with the map open. */
export function PresenceBar({ presence }: { presence: Presence }) {
  const { people } = presence;
  const label = people.length <= 1 ? "Only you are here" : `${people.length} people here`;
  return (
    <div className={styles.bar} data-testid="presence" aria-label={label} title={label}>
      <ul className={styles.list} aria-label="People in this map">
        {people.map((p) => (
          <li
            key={p.id}
            className={styles.avatar}
            style={{ background: p.color }}
            title={p.isSelf ? `${p.name} (you)` : p.editing.length > 0 ? `${p.name} — editing a claim` : p.name}
            data-testid="presence-avatar"
            data-self={p.isSelf ? "true" : undefined}
            data-user-id={p.id}
          >
            <span aria-hidden>{p.initials}</span>
            <span className={styles.srOnly}>{p.isSelf ? `${p.name} (you)` : p.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The coloured chip on a claim someone else is editing. */
export function EditingBadge({ users }: { users: { name: string; color: string }[] }) {
  if (users.length === 0) return null;
  const names = users.map((u) => u.name).join(", ");
  return (
    <span className={styles.editing} data-testid="editing-badge" title={`${names} ${users.length === 1 ? "is" : "are"} editing`}>
      {users.slice(0, 3).map((u) => (
        <span key={u.name + u.color} className={styles.mini} style={{ background: u.color }} aria-hidden>
          {userInitials(u.name)}
        </span>
      ))}
      <span className={styles.editingText}>{users.length === 1 ? `${users[0].name} is editing` : `${users.length} editing`}</span>
    </span>
  );
}
