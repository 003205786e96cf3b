// The shape of one catalog part: the same keys in English, Spanish and Simplified Chinese.

export type Catalog = {
  readonly en: Readonly<Record<string, string>>;
  readonly es: Readonly<Record<string, string>>;
  readonly 'zh-CN': Readonly<Record<string, string>>;
};
