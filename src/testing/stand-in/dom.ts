/** DOM helpers of the stand-in UI (DOM APIs only: no `innerHTML`, so a strict CSP and Trusted Types allow it). */

/** A new element with a class, an optional `data-part` and optional text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, part?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (part) node.dataset['part'] = part;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A small inline SVG icon (built with DOM APIs; its colour follows `currentColor`). */
export function icon(kind: 'chat' | 'close'): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '26');
  svg.setAttribute('height', '26');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  if (kind === 'chat') {
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
    path.setAttribute('fill', 'currentColor');
  } else {
    path.setAttribute('d', 'M6 6l12 12M18 6L6 18');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '2.5');
    path.setAttribute('stroke-linecap', 'round');
    path.setAttribute('fill', 'none');
  }
  svg.append(path);
  return svg;
}

/** Appends `text` to `parent`, wrapping each occurrence of a highlighted word in `<mark>`. */
export function appendHighlighted(parent: HTMLElement, text: string, words: readonly string[]): void {
  const usable = words.filter((word) => word.trim() !== '');
  if (usable.length === 0) {
    parent.textContent = text;
    return;
  }
  const pattern = new RegExp(`(${usable.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  text.split(pattern).forEach((part, index) => {
    if (part === '') return;
    parent.append(index % 2 === 1 ? el('mark', '', 'highlight', part) : document.createTextNode(part));
  });
}
