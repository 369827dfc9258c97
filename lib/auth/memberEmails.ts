/**
 * A member list as its reader may see it: owners share and manage by email, so they see
 * every member's address (the policy's map.seeEmails / team.seeEmails); others see names and roles only.
 */
export function membersAsSeenBy<T extends { email: string }>(seesEmails: boolean, members: T[]): (Omit<T, "email"> & { email?: string })[] {
  if (seesEmails) return members;
  return members.map(({ email: _hidden, ...rest }) => rest);
}
