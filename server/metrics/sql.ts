/** Text PostgreSQL can store: it refuses NUL, which a consumer group id may hold (Kafka allows any string). */
export const storableText = (text: string) => (text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text);
