import Link from "next/link";
import { SignUpForm } from "@/components/auth/SignUpForm";

export const metadata = { title: "Sign up · Claimboard" };

export default function SignUpPage() {
  return (
    <main className="page narrow">
      <h1>Create your account</h1>
      <p className="muted">You get your own copy of the sample map, on U.S. policy toward Mexican cartels, to explore and edit.</p>
      <div className="panel">
        <SignUpForm />
      </div>
      <p className="muted">
        Already have an account? <Link href="/signin">Sign in</Link>
      </p>
    </main>
  );
}
