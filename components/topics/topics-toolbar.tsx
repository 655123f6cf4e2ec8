'use client';

import { CheckboxField } from '@/components/ui/field';
import { SearchField } from '@/components/ui/search-field';
import { MAX_TOPIC_NAME_LENGTH } from '@/lib/schemas/topic-name';

type Props = {
  q: string;
  hideInternal: boolean;
  onSearch: (q: string) => void;
  onHideInternal: (hide: boolean) => void;
};

/** Search (substring of the name) and the internal-topics switch; both end up in the URL. */
export function TopicsToolbar({ q, hideInternal, onSearch, onHideInternal }: Props) {
  return (
    <div role="search" className="flex flex-wrap items-center gap-4">
      <SearchField label="Search topics" placeholder="part of a name" maxLength={MAX_TOPIC_NAME_LENGTH} value={q} onSearch={onSearch} />
      <CheckboxField label="Hide internal topics" checked={hideInternal} onChange={(event) => onHideInternal(event.target.checked)} />
    </div>
  );
}
