import { notFound } from "next/navigation";

// Any address no studio page answers: a 404 inside the app shell (./not-found.tsx), with the navigation still there.
export default function MissingPage(): never {
  notFound();
}
