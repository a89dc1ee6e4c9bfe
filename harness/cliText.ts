/* What the harness's command line says: its options (--help) and the refusal of a Node too old to run it. */
import { MIN_NODE, nodeIsRecentEnough } from '../scripts/bootstrapPlan.mjs';

export const HELP = `镜鉴 Jingjian — 浏览器模式 browser mode (npm start -- [options], or npm run serve -- [options])

  --port N        端口 Port on 127.0.0.1 (default 5170)
  --db FILE       数据文件 The SQLite data file (default .jingjian-data/jingjian.sqlite; created on first run;
                  backups go to backups/ beside it)
  --exports DIR   导出文件夹 Where every export is kept (default .jingjian-data/exports); in the browser each
                  export is also downloaded
  --static DIR    The built renderer (default out/renderer)
  --help          本说明 This text

选择文件（从文件恢复、导入交换文件、导入意见）用浏览器的文件选择框 / Files are chosen with the browser's file picker.`;

/** One line for a Node too old to run the app, or null. Checked before anything native is loaded (Node 20 segfaults). */
export function nodeTooOld(version: string): string | null {
  if (nodeIsRecentEnough(version)) return null;
  const min = MIN_NODE.join('.');
  return `镜鉴需要 Node ${min} 或更高版本，当前为 ${version}；请用 npm start（会自动取得 Node 24） / Jingjian needs Node ${min} or later, this is ${version}; use npm start, which fetches Node 24`;
}
