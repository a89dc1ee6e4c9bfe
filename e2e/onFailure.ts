import path from 'node:path';
import { afterEach } from 'vitest';
import { openPages, SCREENSHOT_DIR } from './fixture';

/**
 * After a failed test, what the page showed: a full-page screenshot in `.e2e-artifacts/screenshots/FAILED-….png`, and
 * on stderr (so it reaches a CI log that keeps no files) the address, the toasts and dialogs on screen, and the start
 * of the page's text. It only reads the page; a page that cannot answer is skipped.
 */
afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  const name = `${path.basename(context.task.file?.name ?? 'e2e', '.e2e.test.ts')}-${context.task.name}`.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 120);
  for (const page of openPages) {
    try {
      const file = path.join(SCREENSHOT_DIR, `FAILED-${name}.png`);
      await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
      const seen = await page.evaluate(() => ({
        messages: [...document.querySelectorAll('.el-message, .el-message-box, .el-notification, [role=alert]')].map((n) => n.textContent?.trim() ?? '').filter(Boolean),
        text: (document.body.innerText ?? '').replace(/\s+/g, ' ').slice(0, 600),
      }));
      console.error(`[e2e] after the failure of «${context.task.name}»: ${page.url()}\n  on screen: ${seen.messages.join(' | ') || '(no message)'}\n  page text: ${seen.text}\n  screenshot: ${file}`);
    } catch (error) {
      console.error(`[e2e] after the failure of «${context.task.name}»: the page could not be read (${String(error).slice(0, 200)})`);
    }
  }
});
