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
