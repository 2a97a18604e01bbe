export { canonicalUrl, urlHost } from './canonical-url.js';
export { extractUrls, extractUrlsFromValue } from './extract-urls.js';
export { isNullLike, tolerantMatch } from './tolerant-match.js';
