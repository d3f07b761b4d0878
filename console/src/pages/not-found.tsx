import { PageHeading } from '../components/ui.tsx';
import { href } from '../router.ts';

// A route the console does not have (a mistyped or outdated link): say so, never show another page.

export function NotFoundPage({ page }: { page: string }) {
  return (
    <>
      <PageHeading title="Page not found" />
      <p>
        The console has no page <code>#/{page}</code>. <a href={href('overview')}>Go to the overview</a>.
      </p>
    </>
  );
}
