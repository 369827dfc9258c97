import Image from "next/image";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/sessionUser";
import workspace from "@/docs/screenshots/workspace-1440.png";
import styles from "./landing.module.css";

export const dynamic = "force-dynamic";

/** Signed in: the map list. Signed out: what Claimboard is, and the way in. */
export default async function Home() {
  if (await getSessionUser()) redirect("/maps");
  return (
    <main className={styles.landing}>
      <section className={styles.intro}>
        <h1>Map the argument of a text, together.</h1>
        <p>
          Load a source document and build, live with your team, a pro/con map of its positions: claims and rebuttals, evidence cards cut from the
          document&apos;s exact words with proper cites, ratings, and a brief for each side to take into the round.
        </p>
        <p className="muted">For debate teams preparing both sides, classes and research groups annotating a text, and anyone weighing an article&apos;s claims.</p>
        <p className={styles.actions}>
          <Link href="/signup" className="button">
            Create an account
          </Link>
          <Link href="/signin" className="button secondary">
            Sign in
          </Link>
        </p>
        <p className="muted small">A new account starts with its own copy of a sample map: a news article weighing U.S. strikes on Mexican cartels against cooperation with Mexico.</p>
      </section>
      <Image src={workspace} alt="A Claimboard map: the outline of claims with their evidence cards, beside the source article" className={styles.shot} priority unoptimized />
    </main>
  );
}
