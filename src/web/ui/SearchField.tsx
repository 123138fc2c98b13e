import { useEffect, useRef, useState } from 'react';
import { TextField } from './fields.tsx';

interface SearchFieldProps {
  label: string;
  /** The search in force (from the URL). */
  value: string;
  onSearch: (value: string) => void;
  delayMs?: number;
}

/** Searches as the user types, once they pause; follows the URL when it changes under it. */
export function SearchField({ label, value, onSearch, delayMs = 300 }: SearchFieldProps) {
  const [text, setText] = useState(value);
  const pushed = useRef(value);
  // The latest callback, without restarting the pause timer each time the parent renders.
  const search = useRef(onSearch);
  useEffect(() => {
    search.current = onSearch;
  }, [onSearch]);

  useEffect(() => {
    if (value !== pushed.current) {
      pushed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === pushed.current) return;
    const timer = window.setTimeout(() => {
      pushed.current = text;
      search.current(text);
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [text, delayMs]);

  return (
    <TextField
      label={label}
      type="search"
      value={text}
      onChange={setText}
      autoComplete="off"
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          pushed.current = text;
          search.current(text);
        }
      }}
    />
  );
}
