/**
 * All of Mantine's styles, for every page but the first load's (styles-first.css): the router's lazy pages wait
 * for this module, and so for the stylesheet, before they render; main.tsx fetches it once the first page is idle.
 */
import '@mantine/core/styles.css';

export const allStyles = true;
