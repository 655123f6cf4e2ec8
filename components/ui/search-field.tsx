'use client';

import { useEffect, useState, type ComponentProps } from 'react';
import { TextField } from '@/components/ui/field';

type Props = Omit<ComponentProps<typeof TextField>, 'value' | 'onChange' | 'type'> & {
  /** The value in the URL now. */
  value: string;
  /** Called once typing has settled (250 ms). */
  onSearch: (text: string) => void;
};

/**
 * A search box bound to a URL parameter: typing settles for a moment before the URL (and the request) follow, and
 * a change of the URL the box did not make (a link to the plain list, say) replaces what it shows.
 */
export function SearchField({ value, onSearch, ...props }: Props) {
  const [text, setText] = useState(value);
  // The last value this box put in the URL, and the URL's value at the last render.
  const [sent, setSent] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== sent) {
      setSent(value);
      setText(value);
    }
  }
  useEffect(() => {
    if (text === sent) return;
    const timer = setTimeout(() => {
      setSent(text);
      onSearch(text);
    }, 250);
    return () => clearTimeout(timer);
  }, [text, sent, onSearch]);
  return (
    <TextField
      type="search"
      autoComplete="off"
      spellCheck={false}
      {...props}
      value={text}
      onChange={(event) => setText(event.target.value)}
    />
  );
}
