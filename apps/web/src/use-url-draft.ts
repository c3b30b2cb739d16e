import { useState } from 'react';

/**
 * A text box's draft of a filter that lives in the URL: typed freely, applied on submit, and
 * replaced by the URL's value whenever that changes (Back, a link, a reset), so the box never
 * shows a filter the figures below it are not using.
 */
export function useUrlDraft(urlValue: string): [string, (draft: string) => void] {
  const [draft, setDraft] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  if (seen !== urlValue) {
    // React's pattern for state that follows a prop: adjusted during render, no extra pass.
    setSeen(urlValue);
    setDraft(urlValue);
  }
  return [draft, setDraft];
}
