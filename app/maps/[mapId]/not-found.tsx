import Link from "next/link";

export default function MapNotFound() {
  return (
    <main className="page narrow">
      <h1>Map not found</h1>
      <p className="notice">There is no map at this address. It may have been deleted, or the link is mistyped.</p>
      <Link href="/maps">Back to my maps</Link>
    </main>
  );
}
