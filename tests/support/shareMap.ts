import type { HttpSession } from "./httpSession";

/** The owner shares the map with `email` as `role`; sharing again with another role changes it. */
export function shareMap(owner: HttpSession, mapId: string, email: string, role: string): Promise<Response> {
  return owner.fetch(`/api/maps/${mapId}/members`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, role }),
  });
}
