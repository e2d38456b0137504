using Microsoft.AspNetCore.Http.Metadata;

namespace Heliodesk.Common;

/// <summary>
/// Refuses a declared body larger than the endpoint accepts with a 413 problem before anything
/// reads it. Kestrel enforces the same limit on the bytes as they stream (and on chunked bodies);
/// this makes the answer immediate, explicit and the same under every server.
/// </summary>
public static class BodySizeLimit
{
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } metadata
                ? metadata.MaxRequestBodySize
                : Limits.JsonBodyBytes;
            if (limit is { } max && context.Request.ContentLength > max)
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
                    detail: $"This endpoint accepts at most {max:N0} bytes; the request declared {context.Request.ContentLength:N0}.")
                    .ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    /// <summary>For endpoints that enforce their own, configurable limit (uploads).</summary>
    public static RouteHandlerBuilder WithOwnBodySizeLimit(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
}
