import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// the build machines are shared and slow (two cores, the Java build beside us, Plate in jsdom):
// give screens time to settle before a test gives up
configure({ asyncUtilTimeout: 15000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
