import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { SceneSaver } from './autosave';

/**
 * Keeps a writer's unsaved text from being left behind: closing or reloading the tab asks first
 * (the browser's own question), and following a link inside the app saves first, asking only when
 * the save fails. (The app's router is a plain BrowserRouter, which has no navigation blocker.)
 */
export function useLeaveGuard(saver: SceneSaver) {
  const navigate = useNavigate();
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (saver.hasUnsavedChanges) {
        event.preventDefault();
        event.returnValue = '';
      }
    };
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!link || link.target || link.origin !== window.location.origin || link.closest('[data-slate-editor]')) return;
      if (!saver.hasUnsavedChanges) return;
      event.preventDefault();
      event.stopPropagation();
      const to = link.pathname + link.search + link.hash;
      void saver.flush().then((saved) => {
        if (saved || window.confirm('Your latest changes could not be saved. Leave anyway and lose them?')) navigate(to);
      });
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [saver, navigate]);
}
