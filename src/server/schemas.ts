import { Type, type TSchema } from 'typebox';

/** Query-string paging shared by every list endpoint. */
export const pagingQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })),
};

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'number of items matching the filters, over all pages' }),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Free text from a user: bounded, no control characters. */
export const Text = (maxLength: number, minLength = 0) =>
  Type.String({
    minLength,
    maxLength,
    pattern: '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*$',
  });

export const Version = Type.Integer({
  minimum: 1,
  // The column is a PostgreSQL integer: a larger number is no version at all, not a server error.
  maximum: 2_147_483_647,
  description: 'the version you loaded; a stale one is refused with 409',
});

export const Uuid = Type.String({ format: 'uuid' });

export const NoContent = Type.Null({ description: 'No content' });
