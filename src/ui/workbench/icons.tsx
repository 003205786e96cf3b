// The workbench's icons: small stroked SVG paths on a 24×24 grid, drawn here (no icon font, no
// markup strings). Decorative: the button around an icon carries the accessible name.

import { For, type JSX } from 'solid-js';

const PATHS: Record<string, readonly string[]> = {
  table: ['M3 5h18v14H3z', 'M3 10h18', 'M3 14.5h18', 'M9 5v14'],
  trash: ['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 13h10l1-13', 'M9 7V4h6v3'],
  search: ['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'M16 16l5 5'],
  command: ['M4 7l5 5-5 5', 'M12 17h8'],
  settings: ['M4 6h9', 'M17 6h3', 'M15 4v4', 'M4 12h3', 'M11 12h9', 'M9 10v4', 'M4 18h11', 'M19 18h1', 'M17 16v4'],
  users: [
    'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
    'M2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1',
    'M16 3.5a4 4 0 0 1 0 7.5',
    'M22 21v-1a6 6 0 0 0-4-5.6',
  ],
  receipt: ['M6 3h12v18l-3-2-3 2-3-2-3 2z', 'M9 8h6', 'M9 12h6', 'M9 16h3'],
  chat: ['M4 5h16v11H9l-5 4z', 'M8 9h8', 'M8 12h5'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  card: ['M3 5h18v14H3z', 'M9 12a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z', 'M5.5 17a3.5 3.5 0 0 1 7 0', 'M14 9h4', 'M14 13h4'],
  bookmark: ['M6 3h12v18l-6-4-6 4z'],
  sync: ['M4 12a8 8 0 0 1 14-5.3', 'M20 12a8 8 0 0 1-14 5.3', 'M18 3v4h-4', 'M6 21v-4h4'],
  check: ['M5 12l5 5 9-10'],
  dot: ['M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z'],
  plus: ['M12 5v14', 'M5 12h14'],
  restore: ['M9 14l-5-5 5-5', 'M4 9h11a5 5 0 0 1 0 10h-3'],
  globe: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M3 12h18', 'M12 3c3 3.5 3 14.5 0 18', 'M12 3c-3 3.5-3 14.5 0 18'],
  sidebar: ['M3 5h18v14H3z', 'M9 5v14'],
  alert: ['M12 3l10 18H2z', 'M12 10v5', 'M12 18v.01'],
  file: ['M6 3h8l4 4v14H6z', 'M14 3v4h4'],
};

export const iconNames = (): string[] => Object.keys(PATHS);

export function Icon(props: { name: string; size?: number; class?: string }): JSX.Element {
  return (
    <svg
      class={props.class ? `cl-icon ${props.class}` : 'cl-icon'}
      width={props.size ?? 20}
      height={props.size ?? 20}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      <For each={PATHS[props.name] ?? PATHS.file}>{(d) => <path d={d} />}</For>
    </svg>
  );
}
