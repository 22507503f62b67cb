/**
 * One view of the page (Claim, Rules, Reform): its element, drawn again when the language changes.
 */

/** A view: its element, and how to draw it again in the page's language (its state kept). */
export interface View {
  readonly element: HTMLElement;
  render(): void;
}
