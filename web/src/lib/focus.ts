// Where keyboard focus goes when part of a page changes under it: a form that
// opens in place, a list that reloads after an action.
import { useCallback, useEffect, useRef, useState } from 'react';

const FIELD = [
  'input:not([type="hidden"]):not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
].join(', ');

/** Focuses the first field in `container` (its first button when it has no field). */
export function focusFirstField(container: HTMLElement | null): void {
  if (!container) return;
  const target =
    container.querySelector<HTMLElement>(FIELD) ??
    container.querySelector<HTMLElement>('button:not([disabled])');
  target?.focus();
}

/** Whether focus went nowhere, e.g. because the focused element was removed. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body;
}

/**
 * A confirmation after an action that changes a list: the list reloads (and
 * its rows are replaced), so focus moves to the message instead of falling
 * to <body>. Every `show` focuses it again, also with the same text.
 * Render it in `<div ref={ref} tabIndex={-1} className="regie-focus-target">`.
 */
export function useFocusedMessage<T>() {
  const [shown, setShown] = useState<{ value: T } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  const show = useCallback((value: T) => setShown({ value }), []);
  const clear = useCallback(() => setShown(null), []);
  return { message: shown ? shown.value : null, show, clear, ref };
}

/**
 * Focus for forms that open in place, one at a time, each from its own
 * button (`open` names the open one, null when none is): into the form's
 * first field when it opens, back to the button that opened it when it
 * closes and focus would otherwise be lost (a confirmation that took focus
 * keeps it). Put `formRef` on the form's wrapper and `opener(key)` on each
 * button as its ref.
 */
export function useInlineFormFocus<K extends string | number>(open: K | null) {
  const formRef = useRef<HTMLDivElement>(null);
  const openers = useRef(new Map<K, HTMLElement>());
  const last = useRef<K | null>(null);
  useEffect(() => {
    if (open !== null) {
      last.current = open;
      focusFirstField(formRef.current);
      return;
    }
    const key = last.current;
    last.current = null;
    if (key !== null && focusLost()) openers.current.get(key)?.focus();
  }, [open]);
  const opener = useCallback(
    (key: K) => (element: HTMLElement | null) => {
      if (element) openers.current.set(key, element);
      else openers.current.delete(key);
    },
    [],
  );
  return { formRef, opener };
}

/**
 * For a button that a form replaces while it is open: when `open` turns
 * false and focus was lost with the form, focus goes back to the button
 * (rendered again by then). A confirmation that took focus keeps it.
 */
export function useReturnFocus<E extends HTMLElement>(open: boolean) {
  const ref = useRef<E>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open && focusLost()) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return ref;
}
