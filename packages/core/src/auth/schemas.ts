import { z } from '@hono/zod-openapi'
import { API_SCOPES, ROLES } from '../http/app-env.js'

export const roleSchema = z.enum(ROLES).openapi({ description: 'owner > admin > agent; analyst reads only' })
export const scopeSchema = z.enum(API_SCOPES)

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('User')

export const loginRequest = z.strictObject({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) }).openapi('LoginRequest')

export const createUserRequest = z
  .strictObject({ email: z.email().max(254), name: z.string().trim().min(1).max(100), role: roleSchema, password: z.string().min(10).max(200) })
  .openapi('CreateUserRequest')

export const updateUserRequest = z
  .strictObject({ name: z.string().trim().min(1).max(100).optional(), role: roleSchema.optional(), disabled: z.boolean().optional(), password: z.string().min(10).max(200).optional() })
  .openapi('UpdateUserRequest')

export const apiKeySchema = z
  .object({ id: z.string(), name: z.string(), scopes: z.array(scopeSchema), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() })
  .openapi('ApiKey')

export const createApiKeyRequest = z
  .strictObject({ name: z.string().trim().min(1).max(100), scopes: z.array(scopeSchema).min(1).max(API_SCOPES.length) })
  .openapi('CreateApiKeyRequest')
