import sanitizeHtml from 'sanitize-html';

/**
 * Descriptions are rich text written by staff and shown to the public: only structure and
 * emphasis survive, links only to http(s) and mailto, and they open safely.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'ul',
    'ol',
    'li',
    'a',
    'h3',
    'h4',
    'blockquote',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }),
  },
};

export function sanitiseRichText(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** The words of a rich text, for search and plain exports. */
export function plainText(html: string): string {
  // Block boundaries separate words; inline tags do not.
  const spaced = html.replace(/<(\/?(p|li|ul|ol|h[1-6]|blockquote|div)|br)\b[^>]*>/gi, ' $&');
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim();
}
