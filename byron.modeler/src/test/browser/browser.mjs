// What the browser checks share: Debian's Chromium, headless, and a box's menu opened as a right-click would.
import puppeteer from 'puppeteer-core';

export function launch() {
  return puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    defaultViewport: { width: 1500, height: 920 },
  });
}

// Headless Chromium sends no contextmenu event for a scripted right button: the event a right-click makes, sent.
export async function openMenu(page, selector) {
  await page.$eval(selector, (node) => {
    const at = node.getBoundingClientRect();
    node.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: at.x + 20, clientY: at.y + 20 }));
  });
}

// The studio's question of which text to keep (a bar over the page, not a browser dialog), answered whenever it shows:
// `reply()` says 'take' or 'keep'; `asked` hears each question and whether the keyboard had stayed where it was.
export function answerChoices(page, reply, asked) {
  let stopped = false;
  (async () => {
    while (!stopped) {
      const seen = await page.evaluate((take) => {
        const bar = document.getElementById('choice');
        if (!bar || bar.hidden) {
          return null;
        }
        const question = document.getElementById('choice-question').textContent;
        const focusKept = !bar.contains(document.activeElement);
        document.getElementById(take ? 'choice-take' : 'choice-keep').click();
        return { question, focusKept };
      }, reply() === 'take').catch(() => {
        stopped = true;
        return null;
      });
      if (seen) {
        asked(seen.question, seen.focusKept);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return () => {
    stopped = true;
  };
}
