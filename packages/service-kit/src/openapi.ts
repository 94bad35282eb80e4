import swagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { OpenAPIV3 } from 'openapi-types';
import type { ZodServer } from './http-server.ts';

type Document = Parameters<typeof jsonSchemaTransformObject>[0];
type Info = { title: string; version: string; description: string };
type Tag = { name: string; description: string };

/**
 * Documents every route from its zod schemas (OpenAPI 3.1). Named schemas live in zod's global
 * registry, shared by everything loaded in the process, so components no route refers to are dropped.
 */
export async function registerOpenApiDocument(
  app: ZodServer,
  options: {
    info: Info;
    tags: Tag[];
    /** How callers authenticate; every operation requires one of them unless it says `security: []`. */
    securitySchemes?: Record<string, OpenAPIV3.SecuritySchemeObject>;
  },
): Promise<void> {
  const schemes = options.securitySchemes ?? {};
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: options.info,
      tags: options.tags,
      // Relative: each deployment serves its own document from its own address.
      servers: [{ url: '/' }],
      components: { securitySchemes: schemes },
      security: Object.keys(schemes).map((name) => ({ [name]: [] })),
    },
    transform: jsonSchemaTransform,
    transformObject: (document: Document) => pruneUnusedSchemas(jsonSchemaTransformObject(document)),
  });
}

type Json = { [key: string]: unknown };

function pruneUnusedSchemas<T>(document: T): T {
  const doc = document as Json & { components?: { schemas?: Record<string, unknown> } };
  const schemas = doc.components?.schemas;
  if (!schemas) return document;
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        const name = value.slice('#/components/schemas/'.length);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(value);
    }
  };
  visit({ ...doc, components: { ...doc.components, schemas: {} } });
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...doc, components: { ...doc.components, schemas: kept } } as T;
}
