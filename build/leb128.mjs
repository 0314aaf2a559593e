// The wasm binary format as far as the release post-processing scripts read
// it: LEB128 numbers and the list of sections. Anything else throws: a
// script must fail the build on a wasm it does not understand, never guess.

/** Reads the unsigned 32-bit number at `at`: [value, where the next field starts]. */
export function leb(buf, at) {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    if (at >= buf.length) throw new Error(`LEB128 number cut off by the end of the input at ${at}`);
    const byte = buf[at++];
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) {
      if (value > 0xffffffff) throw new Error(`LEB128 number at ${at - i - 1} is over 32 bits`);
      return [value, at];
    }
  }
  throw new Error(`LEB128 number at ${at - 5} is longer than 5 bytes`);
}

/** Reads the signed 32-bit number at `at` (an i32.const): [value, next]. */
export function sleb(buf, at) {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    if (at >= buf.length) throw new Error(`LEB128 number cut off by the end of the input at ${at}`);
    const byte = buf[at++];
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) {
      if (byte & 0x40) value -= 2 ** (7 * (i + 1));
      if (value < -(2 ** 31) || value >= 2 ** 31) throw new Error(`LEB128 number at ${at - i - 1} is over 32 bits`);
      return [value, at];
    }
  }
  throw new Error(`LEB128 number at ${at - 5} is longer than 5 bytes`);
}

/** Writes `n`. */
export function uleb(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

const HEADER = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * The sections of a wasm module, in order: { id, at (the section's first
 * byte), body (its contents' first byte), end }. Throws unless `buf` starts
 * with the wasm header and its sections end exactly where the file does.
 */
export function sections(buf) {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(HEADER)) throw new Error("not a wasm module (no wasm version 1 header)");
  const out = [];
  let at = 8;
  while (at < buf.length) {
    const id = buf[at];
    const [size, body] = leb(buf, at + 1);
    const end = body + size;
    if (end > buf.length) throw new Error(`section ${id} at ${at} runs past the end of the file`);
    out.push({ id, at, body, end });
    at = end;
  }
  return out;
}

/** The active data segments: where each sits in memory and in the file. */
export function dataSegments(wasm) {
  const data = sections(wasm).filter((s) => s.id === 11);
  if (data.length !== 1) throw new Error(`${data.length} data sections, expected one`);
  const { body, end } = data[0];
  const segments = [];
  let [count, p] = leb(wasm, body);
  for (let i = 0; i < count; i++) {
    const [flags, q] = leb(wasm, p);
    p = q;
    if (flags === 1) {
      // Passive: no address; skipped.
      const [len, start] = leb(wasm, p);
      p = start + len;
      continue;
    }
    if (flags === 2) p = leb(wasm, p)[1]; // memory index
    else if (flags !== 0) throw new Error(`data segment ${i} has unknown flags ${flags}`);
    // The address: i32.const, then end.
    if (wasm[p] !== 0x41) throw new Error(`data segment ${i}'s address is not an i32.const`);
    const [address, r] = sleb(wasm, p + 1);
    if (address < 0 || wasm[r] !== 0x0b) throw new Error(`data segment ${i}'s address is not one i32.const`);
    const [len, start] = leb(wasm, r + 1);
    segments.push({ address, start, len });
    p = start + len;
  }
  if (p !== end) throw new Error(`the data section's segments end at ${p}, the section at ${end}`);
  return segments;
}

/**
 * The first global of a wasm module, which rustc's linker makes the stack
 * pointer: { mutable, value } for an i32 with a constant initial value.
 * Throws for a module without globals or a first global of another kind.
 */
export function stackPointer(wasm) {
  const globals = sections(wasm).filter((s) => s.id === 6);
  if (globals.length !== 1) throw new Error(`${globals.length} global sections, expected one`);
  const [count, p] = leb(wasm, globals[0].body);
  if (count < 1) throw new Error("no globals");
  // An i32 (0x7f), mutable or not, set by one i32.const (0x41) then end (0x0b).
  if (wasm[p] !== 0x7f || wasm[p + 2] !== 0x41) throw new Error("the first global is not an i32 set by an i32.const");
  const [value, end] = sleb(wasm, p + 3);
  if (wasm[end] !== 0x0b) throw new Error("the first global's initial value is not one i32.const");
  return { mutable: wasm[p + 1] === 1, value };
}
