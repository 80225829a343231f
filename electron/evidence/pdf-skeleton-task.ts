/**
 * PDF skeleton task: pdf-skeleton.ts as it runs in a capped worker (read-pdf-skeleton.ts).
 */
export { pdfSkeleton as pdfSkeletonTask } from './pdf-skeleton.ts';
