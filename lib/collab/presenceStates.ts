import { userInitials } from "./userColor";

// Awareness states come from every peer, so they are validated before the UI uses them
// (a colour goes into a style attribute; a name into text).

export interface PresencePerson {
  id: string;
  name: string;
  color: string;
  initials: string;
  isSelf: boolean;
  /** Claims this person edits (one per open tab). */
  editing: string[];
}

export interface Presence {
  /** One entry per user id, the local user first, then by name. */
  people: PresencePerson[];
  /** Claim id → other clients editing it (the local tab excluded). */
  editingBy: Record<string, { name: string; color: string }[]>;
}

export function isPresenceColor(value: unknown): value is string {
  return typeof value === "string" && /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(value);
}

function readUser(state: unknown): { id: string; name: string; color: string } | null {
  if (!state || typeof state !== "object") return null;
  const user = (state as { user?: unknown }).user;
  if (!user || typeof user !== "object") return null;
  const { id, name, color } = user as Record<string, unknown>;
  if (typeof id !== "string" || id === "") return null;
  const safeName = typeof name === "string" && name.trim() !== "" ? name.trim().slice(0, 80) : "Someone";
  return { id, name: safeName, color: isPresenceColor(color) ? color : "#5b6470" };
}

export function presenceFromStates(states: Map<number, Record<string, unknown>>, selfClientId: number): Presence {
  const byUser = new Map<string, PresencePerson>();
  const editingBy: Record<string, { name: string; color: string }[]> = {};
  const selfUserId = readUser(states.get(selfClientId))?.id ?? null;
  const clientIds = [...states.keys()].sort((a, b) => a - b);
  for (const clientId of clientIds) {
    const state = states.get(clientId);
    const user = readUser(state);
    if (!user) continue;
    const editingRaw = (state as { editing?: unknown }).editing;
    const editing = typeof editingRaw === "string" && editingRaw !== "" ? editingRaw : null;
    let person = byUser.get(user.id);
    if (!person) {
      person = { ...user, initials: userInitials(user.name), isSelf: user.id === selfUserId, editing: [] };
      byUser.set(user.id, person);
    }
    if (editing) {
      person.editing.push(editing);
      if (clientId !== selfClientId) {
        const list = (editingBy[editing] ??= []);
        if (!list.some((u) => u.name === user.name && u.color === user.color)) list.push({ name: user.name, color: user.color });
      }
    }
  }
  const people = [...byUser.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  return { people, editingBy };
}
