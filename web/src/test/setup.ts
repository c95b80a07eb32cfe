import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// jsdom has no canvas: it answers getContext with null after logging "not
// implemented" for every call. Answer null quietly; the charts' SVG
// renderer then estimates text widths from the font size, as it does in
// any environment without a canvas.
HTMLCanvasElement.prototype.getContext = (() => null) as HTMLCanvasElement['getContext'];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});
