"use client";

import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { criteriaOf, fromRatingValue, singleKeyAction, toRatingValue, type RatingSession, type ReviewItemView } from "@/lib/review";
import { loadReviewItemAction, rateItemAction } from "@/lib/review/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Textarea } from "@/components/ui/input";
import { Progress } from "@/components/ui/progress";
import { CriterionGroup, type CriterionGroupHandle } from "./criterion-group";
import { ItemPanel } from "./item-panel";
import { KeyHints, ShortcutsDialog } from "./key-hints";
import { useSingleKeyShortcuts } from "./use-single-key-shortcuts";

// The keyboard-first rating screen. 1–5 (and the scheme's letters) score the focused criterion, Tab and Shift+Tab
// move between criteria, Enter submits and moves on, S skips, J/K go forward and back, ? lists the keys. The
// single-character keys can be turned off (lib/review/rating-keys.ts). Saving is optimistic: the screen moves on at
// once and rolls the item back (keeping what was entered) if the server refuses.

interface Draft {
  values: Record<string, number | undefined>;
  comment: string;
  tags: string[];
}

async function fetchItem(itemId: string): Promise<ReviewItemView> {
  const result = await loadReviewItemAction({ itemId });
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

const itemKey = (id: string | undefined) => ["review-item", id] as const;

export function RatingScreen({ session, userId, startItemId }: { session: RatingSession; userId: string; startItemId?: string }) {
  const { queue, tags: tagOptions } = session;
  const criteria = useMemo(() => criteriaOf(queue.scheme), [queue.scheme]);
  const [singleKeys, setSingleKeys] = useSingleKeyShortcuts(userId);
  const [helpOpen, setHelpOpen] = useState(false);
  const [items, setItems] = useState(session.items);
  const [index, setIndex] = useState(() => {
    const start = startItemId ? session.items.findIndex((i) => i.id === startItemId) : session.items.findIndex((i) => !i.rated);
    return start >= 0 ? start : 0;
  });
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [focused, setFocused] = useState(0);
  const [hint, setHint] = useState<string | null>(null);
  const [lastReveal, setLastReveal] = useState<string | null>(null);
  /** Per item: the save in flight (later saves of the same item wait for it, so they land in order) and what it sent. */
  const saving = useRef(new Map<string, { done: Promise<void>; sent: string }>());
  const groups = useRef<(CriterionGroupHandle | null)[]>([]);
  const queryClient = useQueryClient();

  const finished = index >= items.length;
  const current = finished ? undefined : items[index];
  const itemQuery = useQuery({ queryKey: itemKey(current?.id), queryFn: () => fetchItem(current!.id), enabled: !!current, staleTime: Infinity });
  const item = itemQuery.data;

  useEffect(() => {
    const next = items[index + 1];
    if (next) void queryClient.prefetchQuery({ queryKey: itemKey(next.id), queryFn: () => fetchItem(next.id), staleTime: Infinity });
  }, [index, items, queryClient]);

  const savedDraft = useCallback(
    (view: ReviewItemView | undefined): Draft =>
      view?.myRating ? { values: fromRatingValue(queue.scheme, view.myRating.value), comment: view.myRating.comment, tags: view.myRating.tags } : { values: {}, comment: "", tags: [] },
    [queue.scheme],
  );
  const draft: Draft = (current && drafts[current.id]) || savedDraft(item);

  // A new item starts on its first criterion, so the keys and Tab work without a click.
  useLayoutEffect(() => {
    if (item && item.id === current?.id) groups.current[0]?.focus();
  }, [current?.id, item]);

  function moveTo(to: number) {
    setIndex(to);
    setFocused(0);
    setHint(null);
  }

  function edit(change: Partial<Draft>) {
    if (!current) return;
    setDrafts((all) => ({ ...all, [current.id]: { ...draft, ...change } }));
  }

  function setValue(name: string, value: number) {
    edit({ values: { ...draft.values, [name]: value } });
  }

  function go(to: number) {
    moveTo(Math.max(0, Math.min(items.length - (finished ? 1 : 0), to)));
  }

  function nextAfter(from: number, list = items): number {
    for (let i = from + 1; i < list.length; i++) if (!list[i]!.rated) return i;
    for (let i = 0; i <= from && i < list.length; i++) if (!list[i]!.rated) return i;
    return list.length;
  }

  function submit() {
    if (!current || !item || queue.archived) return;
    const value = toRatingValue(queue.scheme, draft.values);
    if ("missing" in value) {
      setHint(`Rate “${value.missing}” first.`);
      return;
    }
    const itemId = current.id;
    const input = { itemId, value, comment: draft.comment, tags: draft.tags };
    const sent = JSON.stringify(input);
    const pending = saving.current.get(itemId);
    // The same rating again while it is being saved is a double submit: nothing to send.
    if (pending?.sent === sent) return;
    const at = index;
    const ratedBefore = current.rated;
    const submitted = { ...draft };
    const updated = items.map((it, i) => (i === at ? { ...it, rated: true } : it));
    setItems(updated);
    setDrafts((all) => ({ ...all, [current.id]: submitted }));
    moveTo(nextAfter(at, updated));
    const done: Promise<void> = (pending?.done ?? Promise.resolve())
      .then(() => rateItemAction(input))
      .then((result) => {
        if (!result.ok) throw new Error(result.error);
        if (result.data.reveal) setLastReveal(`Item ${at + 1}: A was ${result.data.reveal.A.label}; B was ${result.data.reveal.B.label}.`);
        if (result.data.outcome === "updated") toast.success(`Rating of item ${at + 1} updated`);
        void queryClient.invalidateQueries({ queryKey: itemKey(itemId) });
      })
      .catch((error: unknown) => {
        setItems((list) => list.map((it, i) => (i === at ? { ...it, rated: ratedBefore } : it)));
        toast.error(`Rating of item ${at + 1} was not saved: ${error instanceof Error ? error.message : "try again"}`, {
          action: { label: "Go back", onClick: () => moveTo(at) },
        });
      })
      .finally(() => {
        if (saving.current.get(itemId)?.done === done) saving.current.delete(itemId);
      });
    saving.current.set(itemId, { done, sent });
  }

  function skip() {
    if (finished) return;
    moveTo(index + 1 < items.length ? index + 1 : nextAfter(index));
  }

  /** The criterion whose radio group holds the element, if any. */
  function criterionAt(element: HTMLElement): number | null {
    const name = element.closest<HTMLElement>("[data-criterion]")?.dataset.criterion;
    const at = name === undefined ? -1 : criteria.findIndex((c) => c.name === name);
    return at >= 0 ? at : null;
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey) return;
    const target = event.target as HTMLElement;
    // The shortcuts dialog (or any other) keeps its keys to itself.
    if (target.closest("dialog")) return;
    if (target.closest("textarea, input, select, [contenteditable='true']")) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        submit();
      } else if (event.key === "Escape") target.blur();
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    // Tab and Shift+Tab go from criterion to criterion, whichever option inside one has focus; past the first or
    // last criterion they move on as usual.
    if (event.key === "Tab") {
      const at = criterionAt(target);
      const to = at === null ? -1 : at + (event.shiftKey ? -1 : 1);
      if (at !== null && to >= 0 && to < criteria.length) {
        event.preventDefault();
        groups.current[to]?.focus();
      }
      return;
    }
    // Other buttons (Skip, tags, links) keep their own Enter; a focused criterion option does not.
    if (event.key === "Enter") {
      if ((target.tagName === "BUTTON" && target.getAttribute("role") !== "radio") || target.tagName === "A" || target.tagName === "SUMMARY") return;
      event.preventDefault();
      submit();
      return;
    }
    if (!singleKeys || event.key.length !== 1) return;
    const at = criterionAt(target) ?? focused;
    const criterion = criteria[at];
    const action = singleKeyAction(criterion, event.key);
    if (!action) return;
    event.preventDefault();
    if (action.type === "score") setValue(criterion!.name, action.value);
    else if (action.type === "skip") skip();
    else if (action.type === "next") go(index + 1);
    else if (action.type === "previous") go(index - 1);
    else setHelpOpen(true);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  const ratedCount = items.filter((i) => i.rated).length;

  if (items.length === 0) {
    return (
      <EmptyState title="Nothing for you to rate here" action={<Link href="/review" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">Back to Review</Link>}>
        Every item in this queue has all the ratings it needs, or the queue is still empty. Ask the queue&apos;s author to add items.
      </EmptyState>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p className="text-sm font-medium tabular-nums" aria-live="polite">
          {finished ? `All ${items.length} done` : `${index + 1} of ${items.length}`}
        </p>
        <Progress label="Queue progress" value={ratedCount} max={items.length} text={`${ratedCount} of ${items.length} rated`} className="min-w-24 flex-1" />
        <p className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400">{ratedCount} rated</p>
        <Button variant="ghost" size="sm" aria-haspopup="dialog" onClick={() => setHelpOpen(true)}>
          Keyboard shortcuts
        </Button>
      </div>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} criteria={criteria} singleKeys={singleKeys} onSingleKeysChange={setSingleKeys} />
      {lastReveal && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {lastReveal}
        </p>
      )}
      {queue.archived && <p className="text-sm text-amber-700 dark:text-amber-300">This queue is archived: ratings are read-only.</p>}

      {finished ? (
        <Card className="flex flex-col items-start gap-3">
          <h2 className="text-base font-semibold">
            {ratedCount === items.length ? "You have rated every item in this queue" : `End of the queue: ${items.length - ratedCount} still to rate`}
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{singleKeys ? "Press K or use Previous" : "Use Previous"} to revisit and change a rating.</p>
          <div className="flex flex-wrap gap-2">
            {ratedCount < items.length && <Button onClick={() => moveTo(nextAfter(-1))}>First unrated</Button>}
            <Button variant="secondary" onClick={() => go(items.length - 1)}>
              Previous
            </Button>
            <Link href="/review" className="inline-flex h-9 items-center rounded-md px-3.5 text-sm text-indigo-700 hover:underline dark:text-indigo-300">
              Back to Review
            </Link>
          </div>
        </Card>
      ) : (
        // One column (the item, then the rating panel) until there is room for both side by side.
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <Card aria-label="Item to rate" role="region" aria-busy={itemQuery.isPending}>
            {itemQuery.isPending ? (
              <p className="text-sm text-zinc-500">Loading item…</p>
            ) : itemQuery.isError ? (
              <div className="flex flex-col items-start gap-2">
                <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                  {itemQuery.error.message}
                </p>
                <Button variant="secondary" size="sm" onClick={() => void itemQuery.refetch()}>
                  Retry
                </Button>
              </div>
            ) : (
              item && <ItemPanel item={item} />
            )}
          </Card>
          <Card aria-label="Rating" role="region" className="flex flex-col gap-3 self-start lg:sticky lg:top-4">
            {criteria.map((criterion, i) => (
              <CriterionGroup
                key={`${current?.id}-${criterion.name}`}
                ref={(handle) => {
                  groups.current[i] = handle;
                }}
                criterion={criterion}
                value={draft.values[criterion.name]}
                onChange={(v) => setValue(criterion.name, v)}
                onFocus={() => setFocused(i)}
                active={focused === i}
              />
            ))}
            <label className="flex flex-col gap-1 text-sm font-medium">
              Comment
              <Textarea value={draft.comment} maxLength={5000} onChange={(e) => edit({ comment: e.target.value })} placeholder="Optional. Ctrl/Cmd+Enter submits, Esc leaves the box." />
            </label>
            {tagOptions.length > 0 && (
              <div role="group" aria-label="Tags" className="flex flex-wrap gap-1.5">
                {tagOptions.map((tag) => {
                  const on = draft.tags.includes(tag);
                  return (
                    <button
                      key={tag}
                      type="button"
                      aria-pressed={on}
                      onClick={() => edit({ tags: on ? draft.tags.filter((t) => t !== tag) : [...draft.tags, tag] })}
                      className={
                        on
                          ? "rounded-full border border-amber-600 bg-amber-100 px-2.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900/50 dark:text-amber-100"
                          : "rounded-full border border-zinc-300 px-2.5 py-0.5 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                      }
                    >
                      {tag}
                    </button>
                  );
                })}
              </div>
            )}
            {hint && (
              <p role="alert" className="text-sm text-amber-700 dark:text-amber-300">
                {hint}
              </p>
            )}
            <div className="flex flex-wrap gap-2">
              <Button onClick={submit} disabled={!item || queue.archived}>
                {current?.rated ? "Update rating" : "Submit rating"}
              </Button>
              <Button variant="secondary" onClick={skip}>
                Skip
              </Button>
              <Button variant="ghost" onClick={() => go(index - 1)} disabled={index === 0}>
                Previous
              </Button>
              <Button variant="ghost" onClick={() => go(index + 1)} disabled={index >= items.length - 1}>
                Next
              </Button>
            </div>
            {current?.rated && <p className="text-xs text-zinc-600 dark:text-zinc-400">You rated this item; change it and submit again to update.</p>}
          </Card>
        </div>
      )}
      <KeyHints criteria={criteria} singleKeys={singleKeys} />
    </div>
  );
}
