using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Heliodesk.Common;

/// <summary>
/// On the wire an <see cref="Optional{T}"/> is just a T (or null, or absent), so the OpenAPI document
/// describes it as T; otherwise clients see an untyped value and lose the type, format and limits.
/// </summary>
public static class OptionalSchemas
{
    public static OpenApiOptions DescribeOptionalsAsTheirValue(this OpenApiOptions options)
    {
        options.AddSchemaTransformer(async (schema, context, ct) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Optional<>))
            {
                return;
            }
            var inner = await context.GetOrCreateSchemaAsync(type.GetGenericArguments()[0], null, ct);
            schema.Type = inner.Type;
            schema.Format = inner.Format;
            schema.Enum = inner.Enum;
            schema.Items = inner.Items;
            schema.MaxLength = inner.MaxLength;
            schema.Pattern = inner.Pattern;
            schema.OneOf = inner.OneOf;
            schema.AnyOf = inner.AnyOf;
            schema.Properties = inner.Properties;
        });
        return options;
    }
}
