/**
 * Offer text (or a Blob already built) as a file download, without any network: the file is
 * made in the page and handed to the browser's own download through a link it clicks.
 */
export function download(content: string | Blob, name: string, type: string): void {
  const url = URL.createObjectURL(
    content instanceof Blob ? content : new Blob([content], { type }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a little later: the browser reads the Blob after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
