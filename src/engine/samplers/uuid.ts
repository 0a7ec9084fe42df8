import type { SamplerParamsOf } from '../../config/schema.js';
import type { SamplerDefinition } from './types.js';
import { mix32 } from '../../shared/random.js';

const HEX = '0123456789abcdef';
/** 8 lowercase hex digits of a 32-bit value (one string built from char codes: no toString/padStart per cell). */
const hex8 = (n: number) =>
  String.fromCharCode(
    HEX.charCodeAt((n >>> 28) & 15),
    HEX.charCodeAt((n >>> 24) & 15),
    HEX.charCodeAt((n >>> 20) & 15),
    HEX.charCodeAt((n >>> 16) & 15),
    HEX.charCodeAt((n >>> 12) & 15),
    HEX.charCodeAt((n >>> 8) & 15),
    HEX.charCodeAt((n >>> 4) & 15),
    HEX.charCodeAt(n & 15),
  );

/**
 * `prefix + uuid4().hex[:8 or 32]`. Data Designer redraws duplicates within a batch; here the first 32
 * bits are a bijection of the record index (murmur's finaliser is invertible), so values are unique
 * across the whole stage (up to 2^32 records) without depending on which records share a row group.
 */
export const uuidSampler: SamplerDefinition<SamplerParamsOf<'uuid'>> = {
  type: 'uuid',
  conversion: 'passthrough',
  outputType: () => 'str',
  create({ prefix, short_form = false, uppercase = false }, _column, columnKey) {
    const pre = prefix ?? '';
    return (rng, _row, recordIndex) => {
      // x -> mix32(x ^ key) is a bijection of 32-bit x: distinct records, distinct heads.
      const head = hex8(mix32(mix32((recordIndex >>> 0) ^ columnKey) ^ 0x5bd1e995));
      let hex: string;
      // The short form is the head alone: its cell's stream (reseeded per cell) is not read at all.
      if (short_form) hex = head;
      else {
        const salt = rng.next32();
        const b = rng.next32();
        const c = rng.next32();
        // uuid4 layout: version nibble 4 at position 12, variant 8-b at position 16.
        const mid = hex8(((salt & 0xffff0fff) | 0x4000) >>> 0);
        const tail = hex8(((b & 0x3fffffff) | 0x80000000) >>> 0) + hex8(c);
        hex = head + mid + tail;
      }
      return pre + (uppercase ? hex.toUpperCase() : hex);
    };
  },
};
