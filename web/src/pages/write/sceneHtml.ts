// Scene text between the server's HTML and the editor's nodes. Loading uses Plate's own HTML
// deserializer (the plugins in plugins.tsx say which elements they take); saving uses this small
// serializer instead of Plate's serializeHtml, which renders through react-dom/server with Plate's
// wrappers, classes and data attributes. Writing the few elements the server keeps by hand makes the
// saved text exactly the server's subset (docs/content.md): p, h2–h4, blockquote, ul/ol/li, hr,
// strong, em, br and a[href] with http(s) only.

interface TextNode {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

interface ElementNode {
  type: string;
  url?: string;
  children: Node[];
}

type Node = TextNode | ElementNode;

const isText = (node: Node): node is TextNode => typeof (node as TextNode).text === 'string';

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttribute = (text: string) => escape(text).replaceAll('"', '&quot;');

/** Only web addresses survive the server's sanitiser; anything else stays as plain text. */
export function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'taskList', 'li', 'lic', 'hr']);
const LISTS: Record<string, string> = { ul: 'ul', ol: 'ol', taskList: 'ul' };

function inline(nodes: Node[]): string {
  return nodes
    .map((node) => {
      if (isText(node)) {
        let html = escape(node.text).replaceAll('\n', '<br />');
        if (node.italic) html = `<em>${html}</em>`;
        if (node.bold) html = `<strong>${html}</strong>`;
        return html;
      }
      const content = inline(node.children);
      const href = node.type === 'a' ? safeUrl(node.url) : null;
      return href ? `<a href="${escapeAttribute(href)}">${content}</a>` : content;
    })
    .join('');
}

const hasBlocks = (element: ElementNode) => element.children.some((c) => !isText(c) && BLOCKS.has(c.type));

function block(node: Node): string {
  if (isText(node)) return `<p>${inline([node])}</p>`;
  switch (node.type) {
    case 'h2':
    case 'h3':
    case 'h4':
      return `<${node.type}>${inline(node.children)}</${node.type}>`;
    case 'hr':
      return '<hr />';
    case 'blockquote':
      return `<blockquote>${hasBlocks(node) ? blocks(node.children) : inline(node.children)}</blockquote>`;
    case 'ul':
    case 'ol':
    case 'taskList':
      return `<${LISTS[node.type]}>${node.children.map(listItem).join('')}</${LISTS[node.type]}>`;
    case 'li':
      return `<ul>${listItem(node)}</ul>`;
    default:
      // paragraphs, and any block a paste brought in that the server would not keep
      return hasBlocks(node) ? blocks(node.children) : `<p>${inline(node.children)}</p>`;
  }
}

function listItem(node: Node): string {
  if (isText(node) || node.type !== 'li') return `<li>${isText(node) ? inline([node]) : itemContent([node])}</li>`;
  return `<li>${itemContent(node.children)}</li>`;
}

/** A list item holds its text (lic, or paragraphs) and maybe a nested list. */
function itemContent(children: Node[]): string {
  let html = '';
  let textBlocks = 0;
  for (const child of children) {
    if (isText(child) || child.type === 'a') {
      html += inline([child]);
    } else if (child.type in LISTS) {
      html += block(child);
    } else {
      html += (textBlocks++ > 0 ? '<br />' : '') + (hasBlocks(child) ? itemContent(child.children) : inline(child.children));
    }
  }
  return html;
}

function blocks(nodes: Node[]): string {
  return nodes.map(block).join('');
}

/** The editor's value as the HTML the server keeps. */
export function valueToHtml(value: readonly unknown[]): string {
  return blocks(value as Node[]);
}

/** The plain text of some nodes: blocks separated by blank lines (what assist reads and writes). */
export function nodesToText(value: readonly unknown[]): string {
  const text = (node: Node): string => (isText(node) ? node.text : node.children.map(text).join(''));
  const lines: string[] = [];
  const walk = (node: Node) => {
    if (!isText(node) && hasBlocks(node)) node.children.forEach(walk);
    else lines.push(text(node));
  };
  (value as Node[]).forEach(walk);
  return lines.join('\n\n');
}

/** Plain text as paragraphs: a blank line starts a new one, a single line break stays inside. */
export function textToParagraphs(text: string): { type: 'p'; children: { text: string }[] }[] {
  return text
    .replaceAll('\r\n', '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => ({ type: 'p' as const, children: [{ text: p }] }));
}
