import { useEffect } from 'react';

/** "Sign in · Synoptic": tells screen-reader users and tab lists which page this is. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Synoptic` : 'Synoptic';
  }, [title]);
}
