// Opens GraphiQL on a gateway, runs the query in the URL with its Run button, waits for the answer and takes a
// screenshot. Prints the answer pane's text. Usage: node graphiql.mjs <url> <screenshot.png>
import puppeteer from 'puppeteer-core';

const [url, screenshot] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  defaultViewport: { width: 1400, height: 900 },
});
try {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
  await page.waitForSelector('.graphiql-execute-button', { timeout: 60000 });
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(() => {
    const result = document.querySelector('.graphiql-response');
    return result && result.innerText.includes('"data"');
  }, { timeout: 60000 });
  await page.screenshot({ path: screenshot });
  console.log(await page.$eval('.graphiql-response', (e) => e.innerText));
} finally {
  await browser.close();
}
