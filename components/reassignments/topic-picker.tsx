'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';
import { topicQueries } from '@/lib/queries/topics';
import { topicNameError } from '@/lib/schemas/topic-name';
import { Button } from '@/components/ui/button';
import { FormField, Input } from '@/components/ui/form-field';

type Props = {
  clusterId: string;
  value: string[];
  onChange: (topics: string[]) => void;
  /** What is typed and not added yet (the wizard plans it too). */
  draft: string;
  onDraftChange: (text: string) => void;
  required: boolean;
  error?: string[];
};

/** Topics one by one (typed, with names of the cluster's topics suggested), shown as a list to remove from. */
export function TopicPicker({ clusterId, value, onChange, draft: text, onDraftChange: setText, required, error }: Props) {
  const [typo, setTypo] = useState<string | null>(null);
  const listId = useId();
  const query = text.trim();
  const { data } = useQuery({ ...topicQueries.list(clusterId, { q: query }), enabled: query.length > 0, refetchInterval: false });
  const suggestions = (data?.topics ?? [])
    .map((t) => t.name)
    .filter((name) => !value.includes(name))
    .slice(0, 20);
  const add = () => {
    if (!query) return;
    const problem = topicNameError(query);
    if (problem) return setTypo(problem);
    if (!value.includes(query)) onChange([...value, query]);
    setText('');
    setTypo(null);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };
  const hint = required ? 'At least one topic.' : 'None: every topic of the cluster. Choose some to move only their partitions.';
  return (
    <div className="space-y-2">
      <FormField label="Add a topic" hint={hint} error={typo ? [typo] : error}>
        {(control) => (
          <div className="flex gap-2">
            <Input
              {...control}
              list={listId}
              autoComplete="off"
              spellCheck={false}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onKeyDown}
            />
            <datalist id={listId}>
              {suggestions.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <Button onClick={add} disabled={!query}>
              Add
            </Button>
          </div>
        )}
      </FormField>
      {value.length > 0 ? (
        <ul aria-label="Chosen topics" className="flex flex-wrap gap-2">
          {value.map((topic) => (
            <li key={topic} className="flex items-center gap-1 rounded bg-zinc-100 py-0.5 pl-2 font-mono text-xs dark:bg-zinc-800">
              {topic}
              <button
                type="button"
                aria-label={`Remove ${topic}`}
                onClick={() => onChange(value.filter((t) => t !== topic))}
                className="rounded px-1.5 text-zinc-500 hover:bg-zinc-200 dark:hover:bg-zinc-700"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
