// One success message at a time on a page with several forms (the household
// page: contact moments, signals, referrals, archive). A section claims the
// page's message when it shows one or opens a form; any other section's
// message then disappears, so "Het contactmoment is vastgelegd" does not
// stay next to a newly filed signal.
import { createContext, useCallback, useContext, useId, useMemo, useState } from 'react';

export interface PageMessages {
  /** The section whose message may show; null when none. */
  owner: string | null;
  claim: (id: string) => void;
}

export const PageMessagesContext = createContext<PageMessages | null>(null);

/** The value for PageMessagesContext.Provider on a page with several forms. */
export function usePageMessages(): PageMessages {
  const [owner, setOwner] = useState<string | null>(null);
  return useMemo(() => ({ owner, claim: setOwner }), [owner]);
}

/**
 * A section's share of the page's message: `visible` while its message is
 * the page's latest (always, outside a PageMessagesContext); `claim` when it
 * shows a message or opens a form.
 */
export function usePageMessageSlot(id?: string): { visible: boolean; claim: () => void } {
  const generated = useId();
  const key = id ?? generated;
  const messages = useContext(PageMessagesContext);
  const claim = useCallback(() => messages?.claim(key), [messages, key]);
  return { visible: messages === null || messages.owner === key, claim };
}
