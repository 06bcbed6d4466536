import { useEffect } from 'react';

/** Each screen names itself in the tab and for screen readers. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · AuthorWorks`;
  }, [title]);
}
