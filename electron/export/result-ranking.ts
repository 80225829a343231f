/** The ranking lives in shared/ so the 定稿 screen ranks as the documents do; the exporters import it from here. */
export { rankAlliances, type RankedAlliance } from '../../shared/result/result-ranking.ts';
