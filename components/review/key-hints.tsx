"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { type Criterion, keyHintsFor } from "@/lib/review";

const kbd = "rounded border border-zinc-300 px-1 font-mono dark:border-zinc-700";

/** The visible list of the rating screen's keys, worded for the scheme in use; only the keys that are on. */
export function KeyHints({ criteria, singleKeys }: { criteria: Criterion[]; singleKeys: boolean }) {
  const hints = keyHintsFor(criteria).filter((h) => singleKeys || !h.singleKey);
  return (
    <section aria-label="Keyboard shortcuts" className="text-xs text-zinc-600 dark:text-zinc-400">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {hints.map((h) => (
          <li key={h.keys}>
            <kbd className={kbd}>{h.keys}</kbd> {h.what}
          </li>
        ))}
        {!singleKeys && <li>Single-key shortcuts are off.</li>}
      </ul>
    </section>
  );
}

/** The "Keyboard shortcuts" dialog: every key, and the switch for the single-character ones (WCAG 2.1.4). */
export function ShortcutsDialog({
  open,
  onClose,
  criteria,
  singleKeys,
  onSingleKeysChange,
}: {
  open: boolean;
  onClose: () => void;
  criteria: Criterion[];
  singleKeys: boolean;
  onSingleKeysChange: (on: boolean) => void;
}) {
  const describedBy = useId();
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" className="max-w-lg">
      <table className="w-full text-sm">
        <caption className="sr-only">Keys of the rating screen</caption>
        <tbody>
          {keyHintsFor(criteria).map((h) => (
            <tr key={h.keys} className={h.singleKey && !singleKeys ? "text-zinc-500 line-through dark:text-zinc-400" : undefined}>
              <th scope="row" className="py-1 pr-4 text-left font-normal whitespace-nowrap">
                <kbd className={kbd}>{h.keys}</kbd>
              </th>
              <td className="py-1">
                {h.what}
                {h.singleKey && !singleKeys && <span className="sr-only"> (off)</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="mt-4 flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" checked={singleKeys} onChange={(e) => onSingleKeysChange(e.target.checked)} aria-describedby={describedBy} className="size-4" />
        Single-key shortcuts
      </label>
      <p id={describedBy} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        Digits, letters and ? act at once, without Ctrl or Alt. Turn them off if you use speech input or press keys by accident: Tab, Shift+Tab,
        the arrow keys, Space and Enter still rate. Remembered for you in this browser.
      </p>
      <div className="mt-5 flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  );
}
