import Link from "next/link";
import styles from "./AppHeader.module.css";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { findUserProfile } from "@/lib/db/userProfile";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { SignedOutLinks } from "@/components/auth/SignedOutLinks";
import { InboxBell } from "@/components/comments/InboxBell";
import { SearchBox } from "@/components/search/SearchBox";

export async function AppHeader() {
  const user = await getSessionUser();
  const profile = user ? await findUserProfile(user.id) : null;
  return (
    <header className={styles.header}>
      <Link href={user ? "/maps" : "/"} className={styles.brand}>
        <span aria-hidden className={styles.logo}>⚖</span> <span className={styles.brandName}>Claimboard</span>
      </Link>
      {user && (
        <div className={styles.search}>
          <SearchBox />
        </div>
      )}
      <nav className={styles.nav}>
        {user ? (
          <>
            <Link href="/maps">My maps</Link>
            <Link href="/teams">Teams</Link>
            <InboxBell />
            {/* The profile's name, not the session's: it may have changed since sign-in. */}
            <Link href="/profile" className={styles.user} title={`${user.email} · your profile`} data-testid="profile-link">{profile?.name ?? user.name}</Link>
            <SignOutButton />
          </>
        ) : (
          <SignedOutLinks />
        )}
      </nav>
    </header>
  );
}
