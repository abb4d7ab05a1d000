// Folders are derived from "/" in prompt names; nothing stores them. Client-safe.

export interface FolderNode {
  path: string;
  name: string;
  promptCount: number;
  children: FolderNode[];
}

/** The folder tree of a set of prompt names, each folder counting the prompts anywhere below it. */
export function buildFolderTree(names: string[]): FolderNode[] {
  const root: FolderNode = { path: "", name: "", promptCount: 0, children: [] };
  for (const name of names) {
    const segments = name.split("/").slice(0, -1);
    let node = root;
    segments.forEach((segment, i) => {
      const path = segments.slice(0, i + 1).join("/");
      let child = node.children.find((c) => c.path === path);
      if (!child) {
        child = { path, name: segment, promptCount: 0, children: [] };
        node.children.push(child);
      }
      child.promptCount++;
      node = child;
    });
  }
  const sort = (nodes: FolderNode[]) => {
    nodes.sort((a, b) => a.name.localeCompare(b.name));
    nodes.forEach((n) => sort(n.children));
  };
  sort(root.children);
  return root.children;
}
