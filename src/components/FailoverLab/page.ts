/** How a lab fits into the page around it: its heading's id and the site's floating button. */

/** A heading id from a title: "Lab: Aurora loses zone a" → "lab-aurora-loses-zone-a", "One task" → "lab-one-task". */
export function headingSlug(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Always starting with "lab", so it never collides with the id of a chapter section of the same name.
  return slug.startsWith('lab') ? slug : `lab-${slug}`.replace(/-$/, '');
}

/** Labs on screen right now; while there is one, `html[data-fl-lab-in-view]` hides the back-to-top button. */
const labsInView = new Set<Element>();

/** Hides the back-to-top button while `element` is on screen; returns the clean-up. */
export function hideBackToTopWhileVisible(element: Element | null): (() => void) | undefined {
  if (!element || typeof IntersectionObserver !== 'function') return undefined;
  const update = () => document.documentElement.toggleAttribute('data-fl-lab-in-view', labsInView.size > 0);
  const observer = new IntersectionObserver((entries) => {
    // Several changes can come in one batch (a jump past the lab and back): the last is the current one.
    const entry = entries[entries.length - 1];
    if (entry?.isIntersecting) labsInView.add(element);
    else labsInView.delete(element);
    update();
  });
  observer.observe(element);
  return () => {
    observer.disconnect();
    labsInView.delete(element);
    update();
  };
}

/** Keeps `--fl-strip-height` on the lab equal to its results strip's height; returns the clean-up. */
export function followStripHeight(lab: HTMLElement | null): (() => void) | undefined {
  const strip = lab?.querySelector('[data-testid="lab-strip"]');
  if (!lab || !strip || typeof ResizeObserver === 'undefined') return undefined;
  const observer = new ResizeObserver(([entry]) => {
    lab.style.setProperty('--fl-strip-height', `${Math.round(entry?.borderBoxSize[0]?.blockSize ?? 0)}px`);
  });
  observer.observe(strip);
  return () => observer.disconnect();
}
