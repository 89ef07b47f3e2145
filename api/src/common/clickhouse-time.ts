/** A JS date from ClickHouse's DateTime text ('YYYY-MM-DD hh:mm:ss[.sss]', UTC in every session). */
export function fromClickHouseTime(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}
