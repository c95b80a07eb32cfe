import { useRef, useState } from 'react';

export interface Submission {
  saving: boolean;
  error: unknown;
  submit: () => void;
}

/**
 * Runs `action` once at a time; on success hands the result to `done` (which
 * usually navigates away), on failure keeps the error for the form to show.
 */
export function useSubmit<T>(action: () => Promise<T>, done: (result: T) => void): Submission {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const busy = useRef(false);
  const submit = () => {
    if (busy.current) return;
    busy.current = true;
    setSaving(true);
    action().then(
      (result) => {
        busy.current = false;
        setSaving(false);
        setError(null);
        done(result);
      },
      (e: unknown) => {
        busy.current = false;
        setSaving(false);
        setError(e);
      },
    );
  };
  return { saving, error, submit };
}
