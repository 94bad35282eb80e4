import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { useDocumentTitle } from '@/lib/use-document-title';

export function NotFoundRoute() {
  useDocumentTitle('Page not found');
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-24 text-center">
      <p className="text-sm font-semibold text-primary">404</p>
      <h1 className="text-2xl font-semibold">This page does not exist</h1>
      <p className="text-muted-foreground">The link may be old, or the page may have moved.</p>
      <Button asChild>
        <Link to="/">Back to the overview</Link>
      </Button>
    </div>
  );
}
