// SPEC §13: ID numbers and phone numbers are masked in lists; names are masked on the public
// certificate verification page (SPEC §7).

/** Keeps `head` and `tail` characters and stars the rest; too short to keep both → all stars. */
function maskMiddle(value: string | null | undefined, head: number, tail: number): string {
  if (!value) return '';
  const chars = Array.from(value);
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}

/** '440106199001012903' → '4401**********2903'. */
export function maskIdNumber(idNumber: string | null | undefined): string {
  return maskMiddle(idNumber, 4, 4);
}

/** '18612343271' → '186****3271'. */
export function maskPhone(phone: string | null | undefined): string {
  return maskMiddle(phone, 3, 4);
}

/** '张三丰' → '张*丰', '张三' → '张*', '张' → '张'. */
export function maskName(name: string | null | undefined): string {
  if (!name) return '';
  const chars = Array.from(name);
  if (chars.length === 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
