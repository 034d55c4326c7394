/** Everything the extension knows about TikTok's pages. */
export * from './routes';
