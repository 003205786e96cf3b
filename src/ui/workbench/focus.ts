// Toolbar buttons (activity bar actions, tab actions, status items) do not take focus from the
// editor: a command run from them, or from the palette they open, still acts on the grid the person
// was working in (commands like "Delete Rows" require `gridFocus`).

export const keepFocus = (e: MouseEvent): void => {
  if (e.button === 0) e.preventDefault();
};
