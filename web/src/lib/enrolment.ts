// Presentation of a new TOTP setup: the secret for typing by hand, and the
// QR code as an image (the server's SVG is never inserted as markup).

/** "JBSWY3DPEHPK3PXP" -> "JBSW Y3DP EHPK 3PXP" (spaces and padding dropped first). */
export function groupSecret(secret: string): string {
  const clean = secret.replace(/[\s=]/g, '').toUpperCase();
  return (clean.match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * A data: URL for an SVG document, for <img src>. An SVG shown as an image
 * runs no scripts and loads nothing, whatever it contains; the page's CSP
 * allows img-src data:.
 */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** A code as typed: spaces and dashes removed from a 6-digit code. */
export function cleanTotpCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}
