import Link from "next/link";
import styles from "./AppHeader.module.css";
import { getSessionUser } from "@/lib/auth/sessionUser";
import { SignOutButton } from "@/components/auth/SignOutButton";

export async function AppHeader() {
  const user = await getSessionUser();
  return (
    <header className={styles.header}>
      <Link href={user ? "/maps" : "/"} className={styles.brand}>
        <span aria-hidden className={styles.logo}>⚖</span> Claimboard
      </Link>
      <nav className={styles.nav}>
        {user ? (
          <>
            <Link href="/maps">My maps</Link>
            <span className={styles.user} title={user.email}>{user.name}</span>
            <SignOutButton />
          </>
        ) : (
          <>
            <Link href="/signin">Sign in</Link>
            <Link href="/signup" className="button">Sign up</Link>
          </>
        )}
      </nav>
    </header>
  );
}
