"use client";

import type { NewQueueOptions } from "@/lib/review";

/** A checkbox per member who can rate; each is named by the member's email. */
export function AssigneePicker({ members, value, onChange, legendClassName = "mb-1 text-sm font-medium" }: { members: NewQueueOptions["members"]; value: string[]; onChange: (ids: string[]) => void; legendClassName?: string }) {
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className={legendClassName}>Assigned reviewers</legend>
      {members.map((m) => (
        <label key={m.userId} className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={value.includes(m.userId)} onChange={(e) => onChange(e.target.checked ? [...value, m.userId] : value.filter((id) => id !== m.userId))} />
          {m.email} <span className="text-xs text-zinc-500">({m.role})</span>
        </label>
      ))}
    </fieldset>
  );
}
