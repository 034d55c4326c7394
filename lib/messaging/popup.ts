/** What the popup and the background say to each other beyond the register's own types. */
import type { PageShape } from '../tiktok/page-shape';

/** What the popup gets back: the shape, or why there is none. */
export type PageShapeAnswer =
  { shape: PageShape; fileName: string } | { error: 'not-tiktok' | 'failed' };
