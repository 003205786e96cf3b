// The seam for pinyin search keys: base knows what a pinyin key function is and which names need
// one (those with Han characters); the function itself (pinyin-pro) is loaded by a feature and
// injected, so base stays free of packages and the dictionary stays out of the first load.

/** Pinyin of a name without tones: `full` joined ("zhangwei"), `initials` ("zw"). */
export type PinyinKeys = (name: string) => { readonly full: string; readonly initials: string };

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Does the text contain a Han (Chinese) character? Only such names get pinyin keys. */
export function hasHan(s: string): boolean {
  return HAN.test(s);
}
