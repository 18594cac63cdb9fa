import { zhCN } from './zh-cn';

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;
export type Params = Record<string, string | number>;
/** A message to translate later: pure code returns these, components translate them. */
export interface Message {
  key: MessageKey;
  params?: Params;
}
export type Translate = (key: MessageKey, params?: Params) => string;

/** `{name}` placeholders are replaced by the params; a missing param stays visible rather than vanishing. */
export function translate(messages: Messages, key: MessageKey, params: Params = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
