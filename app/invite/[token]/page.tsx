import Link from "next/link";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { describeInvite } from "@/lib/auth/inviteLinks";
import { AcceptInviteButton } from "@/components/invites/AcceptInviteButton";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invitation · Claimboard", referrer: "no-referrer" };

const ROLE_PHRASE: Record<string, string> = {
  editor: "edit it",
  commenter: "read and comment (not edit)",
  viewer: "read it",
};

/** An invite link: says what it grants; signed-out visitors sign in or up and come back here. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await describeInvite(token);
  if (!invite.ok) {
    return (
      <main className="page narrow">
        <h1>Invitation</h1>
        <p className="error" role="alert" data-testid="invite-error">{invite.error}</p>
        <Link href="/maps">Go to my maps</Link>
      </main>
    );
  }
  const { role, mapTitle, teamName } = invite.value;
  const what = mapTitle ? <>the map <strong>{mapTitle}</strong></> : <>the team <strong>{teamName}</strong></>;
  const user = await getSessionUser();
  const back = encodeURIComponent(`/invite/${token}`);
  return (
    <main className="page narrow">
      <h1>You’re invited</h1>
      <div className="panel" style={{ padding: "14px 16px" }}>
        <p data-testid="invite-summary">
          You’ve been invited to {what} as <strong>{role}</strong>: you can {ROLE_PHRASE[role] ?? role}
          {teamName && !mapTitle ? " on every map of the team" : ""}.
        </p>
        {user ? (
          <AcceptInviteButton token={token} label={mapTitle ? "Open the map" : "Join the team"} />
        ) : (
          <p>
            <Link className="button" href={`/signup?callbackUrl=${back}`}>Create an account</Link>{" "}
            or <Link href={`/signin?callbackUrl=${back}`}>sign in</Link> to accept.
          </p>
        )}
      </div>
    </main>
  );
}
