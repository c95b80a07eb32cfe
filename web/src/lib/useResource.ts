import { useCallback, useEffect, useState } from 'react';
import type { DependencyList } from 'react';
import { isAbort } from '../api/client';

export type Resource<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

export interface ResourceHandle<T> {
  resource: Resource<T>;
  /** Loads again, e.g. after a version conflict. */
  reload: () => void;
  /** Replaces the data with a fresher copy, e.g. the answer to an update. */
  replace: (data: T) => void;
}

/**
 * Loads data whenever `deps` change; an earlier request still under way is
 * aborted so a slow answer never overwrites a newer one.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): ResourceHandle<T> {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResource({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) setResource({ status: 'error', error });
      },
    );
    return () => controller.abort();
    // `load` is a new closure on every render; `deps` say when it really changes.
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback((data: T) => setResource({ status: 'ready', data }), []);
  return { resource, reload, replace };
}
