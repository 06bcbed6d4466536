// A fresh writer for a spec, made through the real identity API, and the calls specs use to set
// up what their screen needs (a generated book, say) without clicking through other screens.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BASE_URL, DATA } from './browser.mjs';

/** Registers and logs in a new writer; `api(path, {method, body})` calls the API as them. */
export async function newWriter(name = 'writer') {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const email = `${name}-${id}@example.com`;
  const password = 'correct horse battery staple';
  await call('POST', '/api/v1/auth/register', { email, username: `${name}_${id}`.slice(0, 32), password });
  const tokens = await call('POST', '/api/v1/auth/login', { email, password });
  const api = (path, { method = 'GET', body } = {}) => call(method, path, body, tokens.accessToken);
  return { email, password, api };
}

/** Logs the writer in through the log-in screen and waits for the app to land on My books. */
export async function logIn(page, writer) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(writer.email);
  await page.getByLabel('Password').fill(writer.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: 'My books' }).waitFor();
}

/** Generates a book with the offline sample writer and waits until it is complete; returns the book. */
export async function sampleBook(writer, { title = 'The Lighthouse Keeper', chapters = 3, targetWords = 3000 } = {}) {
  const job = await writer.api('/api/v1/books/generate', {
    method: 'POST',
    body: {
      title,
      braindump: 'A keeper finds letters in the lamp room, written during a storm that has not come yet.',
      format: 'novel',
      targetWords,
      chapters,
      provider: 'sample',
    },
  });
  for (let attempt = 0; attempt < 600; attempt++) {
    const status = await writer.api(`/api/v1/books/${job.bookId}/status`);
    if (status.state === 'COMPLETED') return writer.api(`/api/v1/books/${job.bookId}`);
    if (['FAILED', 'CANCELLED', 'BUDGET_EXHAUSTED'].includes(status.state)) {
      throw new Error(`the sample book ended ${status.state}: ${status.error ?? ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the sample book did not finish in two minutes');
}

/** The verification link from the newest email to `address`, as a path on this server. */
export async function verificationLink(address) {
  const dir = join(DATA, 'mail');
  for (let attempt = 0; attempt < 100; attempt++) {
    let files = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    } catch {
      // the directory appears with the first email
    }
    for (const file of files.sort().reverse()) {
      // undo quoted-printable soft line breaks and escaped "=" so the link reads whole
      const text = readFileSync(join(dir, file), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
      const link = text.match(/(?:https?:\/\/[^\s"'<>]*)?\/verify-email\?token=[^\s"'<>]+/);
      if (text.includes(address) && link) {
        const url = new URL(link[0], BASE_URL);
        return url.pathname + url.search;
      }
    }
    await sleep(200);
  }
  throw new Error(`no verification email to ${address} in ${dir}`);
}

async function call(method, path, body, token) {
  const response = await fetch(BASE_URL + path, {
    method,
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}
