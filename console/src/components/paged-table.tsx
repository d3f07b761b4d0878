import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorMessage, type Page } from '../api.ts';
import { Button, ErrorNotice } from './ui.tsx';

// A table over a Webex list, one page at a time: the server filters and pages (max + the Link
// header), so an organization of 10,000 people costs one page of rows.

export type Column<T> = { header: string; cell: (row: T) => ComponentChildren; class?: string };

type Props<T> = {
  caption: string;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Loads the first page (undefined) or the page at a Link URL. */
  load: (next: string | undefined) => Promise<Page<T>>;
  /** Changing it (a filter, a reload counter) starts again from the first page. */
  resetKey: string;
  empty: string;
};

export function PagedTable<T>({ caption, columns, rowKey, load, resetKey, empty }: Props<T>) {
  // links[i] is how to load page i (undefined: the first page).
  const [links, setLinks] = useState<(string | undefined)[]>([undefined]);
  const [index, setIndex] = useState(0);
  const [page, setPage] = useState<Page<T> | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setLinks([undefined]);
    setIndex(0);
  }, [resetKey]);

  const link = links[index];
  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    load(link)
      .then((result) => {
        if (!current) return;
        setPage(result);
        setLinks((l) => (result.next && l.length === index + 1 ? [...l, result.next] : l));
      })
      .catch((failure) => current && setError(errorMessage(failure)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [link, index, resetKey, attempt]);

  const rows = page?.items ?? [];
  const hasNext = links.length > index + 1;
  return (
    <div class="paged">
      <ErrorNotice error={error} onRetry={() => setAttempt((a) => a + 1)} />
      <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table aria-busy={loading ? 'true' : 'false'}>
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={c.header} class={c.class}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.header} class={c.class} data-label={c.header}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
            {!loading && rows.length === 0 && !error && (
              <tr>
                <td colSpan={columns.length} class="empty">
                  {empty}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div class="pager">
        <Button onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0 || loading}>
          Previous page
        </Button>
        <span role="status" class="muted">
          {loading ? 'Loading…' : `Page ${index + 1} · ${rows.length} shown`}
        </span>
        <Button onClick={() => setIndex((i) => i + 1)} disabled={!hasNext || loading}>
          Next page
        </Button>
      </div>
    </div>
  );
}
