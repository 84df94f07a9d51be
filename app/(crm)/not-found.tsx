import { NotFoundMessage } from "@/components/ui/not-found-message";

/** Inside the app shell, which is the page's <main>: the message without a second one. */
export default function NotFound() {
  return <NotFoundMessage />;
}
