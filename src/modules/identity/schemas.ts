import { Type } from 'typebox';
import { roles } from '../../domain/roles.ts';
import { Nullable, PageOf, pagingQuery, Text, Uuid, Version } from '../../server/schemas.ts';

export const RoleSchema = Type.Enum(roles);
const Email = Type.String({ format: 'email', maxLength: 254 });
const IstatCode = Type.String({ pattern: '^[0-9]{6}$' });
const ZoneId = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 });

export const SessionUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  comuneCode: Nullable(Type.String()),
  zoneId: Nullable(Type.String()),
  orgUnitIds: Type.Array(Type.String()),
  mustChangePassword: Type.Boolean(),
});

export const SessionState = Type.Object({
  user: Nullable(SessionUser),
  csrfToken: Type.String({ description: 'echo it in the X-CSRF-Token header of every write' }),
});

export const LoginBody = Type.Object(
  {
    email: Text(254, 3),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  comuneCode: Nullable(Type.String()),
  zoneId: Nullable(Type.String()),
  orgUnitIds: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  lastLoginAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
});

export const UserListQuery = Type.Object(
  { q: Type.Optional(Text(100, 1)), role: Type.Optional(RoleSchema), ...pagingQuery },
  { additionalProperties: false },
);
export const UserPage = PageOf(User);

export const UserCreate = Type.Object(
  {
    email: Email,
    name: Text(120, 2),
    role: RoleSchema,
    comuneCode: Type.Optional(Nullable(IstatCode)),
    zoneId: Type.Optional(Nullable(ZoneId)),
    orgUnitIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  },
  { additionalProperties: false },
);

export const UserCreated = Type.Object({
  user: User,
  temporaryPassword: Type.String({
    description: 'shown once; the user must change it at first login',
  }),
});

export const UserPatch = Type.Object(
  {
    version: Version,
    name: Type.Optional(Text(120, 2)),
    role: Type.Optional(RoleSchema),
    comuneCode: Type.Optional(Nullable(IstatCode)),
    zoneId: Type.Optional(Nullable(ZoneId)),
    orgUnitIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UserIdParams = Type.Object({ id: Uuid });
