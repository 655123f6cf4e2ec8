'use client';

import { useEffect, useState } from 'react';
import { CheckboxField, TextField } from '@/components/ui/field';

type Props = {
  q: string;
  hideInternal: boolean;
  onSearch: (q: string) => void;
  onHideInternal: (hide: boolean) => void;
};

/** Search (substring of the name) and the internal-topics switch; both end up in the URL. */
export function TopicsToolbar({ q, hideInternal, onSearch, onHideInternal }: Props) {
  const [text, setText] = useState(q);
  // The last value this box put in the URL, and the URL's value at the last render: a change of the URL that
  // the box did not make (a link to the plain list, say) replaces what it shows.
  const [sent, setSent] = useState(q);
  const [seen, setSeen] = useState(q);
  if (q !== seen) {
    setSeen(q);
    if (q !== sent) {
      setSent(q);
      setText(q);
    }
  }
  // Typing settles for a moment before the URL (and the request) follow.
  useEffect(() => {
    if (text === sent) return;
    const timer = setTimeout(() => {
      setSent(text);
      onSearch(text);
    }, 250);
    return () => clearTimeout(timer);
  }, [text, sent, onSearch]);
  return (
    <div role="search" className="flex flex-wrap items-center gap-4">
      <TextField
        label="Search topics"
        type="search"
        placeholder="part of a name"
        autoComplete="off"
        spellCheck={false}
        maxLength={249}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <CheckboxField label="Hide internal topics" checked={hideInternal} onChange={(event) => onHideInternal(event.target.checked)} />
    </div>
  );
}
