/** A random 9-digit number that passes the 11-proef (and is not in the demo data by design). */
export function randomValidBsn() {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) =>
      i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10),
    );
    const sum = digits.reduce((s, d, i) => s + (9 - i) * d, 0);
    const last = sum % 11;
    if (last <= 9) return digits.join('') + String(last);
  }
}
