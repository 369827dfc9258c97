import Link from "next/link";

export default function NotFound() {
  return (
    <main className="page narrow">
      <h1>Page not found</h1>
      <p className="notice">Nothing lives at this address.</p>
      <Link href="/maps">Go to my maps</Link>
    </main>
  );
}
