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
// `reply()` says 'take', 'keep' or 'wait' (heard, not answered); `asked` hears each question and whether the keyboard had stayed where it was.
export function answerChoices(page, reply, asked) {
  let stopped = false;
  (async () => {
    while (!stopped) {
      const answer = reply(); // 'take', 'keep', or 'wait': heard once, left unanswered
      const seen = await page.evaluate((how) => {
        const bar = document.getElementById('choice');
        if (!bar || bar.hidden || (how === 'wait' && bar.dataset.heard)) {
          return null;
        }
        const question = document.getElementById('choice-question').textContent;
        const detail = document.getElementById('choice-detail').textContent;
        const focusKept = !bar.contains(document.activeElement);
        const heard = !!bar.dataset.heard;
        if (how === 'wait') {
          bar.dataset.heard = 'yes';
        } else {
          document.getElementById(how === 'take' ? 'choice-take' : 'choice-keep').click();
        }
        return heard ? null : { question, focusKept, detail }; // a question heard while waiting is told once
      }, answer).catch(() => { // a page reloading has no document for a moment; a closed one is done
        stopped = page.isClosed();
        return null;
      });
      if (seen) {
        asked(seen.question, seen.focusKept, seen.detail);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return () => {
    stopped = true;
  };
}
