import { chromium } from '@playwright/test';
const B = 'http://127.0.0.1:4301';
const W = Number(process.env.W ?? 360);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: W, height: 800 } });
const page = await ctx.newPage();
await page.goto(B + '/login');
await page.fill('input[name=login]', process.env.WHO); await page.fill('input[name=password]', 'bina-asn-2026');
await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.locator('#password').press('Enter')]);
for (const p of process.argv.slice(2)) {
  await page.goto(B + p);
  const r = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll('body *')) { const b = el.getBoundingClientRect(); if (b.right > vw + 1 && b.width > 0) wide.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(b.right)} w=${Math.round(b.width)}`); }
    return { vw, sw: document.documentElement.scrollWidth, wide: wide.slice(0, 80) };
  });
  if (r.sw > r.vw) console.log("OVERFLOW", p, r.vw, r.sw, JSON.stringify(r.wide.filter(x => !x.includes("svelte-12qhfyh") && !x.startsWith("li. ")))); else console.log("ok", p);
}
await browser.close();
