import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { findUserProfile } from "@/lib/db/userProfile";
import { userColor } from "@/lib/collab/userColor";
import { ProfileForm } from "@/components/profile/ProfileForm";
import { PasswordForm } from "@/components/profile/PasswordForm";
import { SignOutEverywhereButton } from "@/components/profile/SignOutEverywhereButton";

export const dynamic = "force-dynamic";
export const metadata = { title: "Profile · Claimboard" };

export default async function ProfilePage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=/profile");
  const profile = await findUserProfile(user.id);
  if (!profile) redirect("/signin?callbackUrl=/profile");
  return (
    <main className="page narrow">
      <h1>Your profile</h1>
      <p className="muted">Signed in as {profile.email}.</p>
      <div className="panel" style={{ padding: "14px 16px" }}>
        <ProfileForm name={profile.name} color={profile.color} derivedColor={userColor(profile.id)} />
      </div>
      <h2>Password</h2>
      <div className="panel" style={{ padding: "14px 16px" }}>
        <PasswordForm hasPassword={profile.hasPassword} email={profile.email} />
      </div>
      <h2>Sessions</h2>
      <div className="panel" style={{ padding: "14px 16px" }}>
        <SignOutEverywhereButton />
      </div>
    </main>
  );
}
