using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Common;

/// <summary>
/// Every error leaves as RFC 9457 problem details; input errors carry an `errors` object keyed by
/// the field's JSON name, so a client can put the message next to the right box.
/// </summary>
public static class ProblemHandling
{
    public static IHostApplicationBuilder AddProblemHandling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                CamelCaseKeys(validation.Errors);
            }
        });
        builder.Services.AddExceptionHandler<ExceptionToProblem>();
        builder.Services.AddValidation();
        // Throw on unreadable bodies in every environment so ExceptionToProblem can name the field.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    // The validator names fields as C# does ("Requester.Email"); clients know them by their JSON names.
    private static void CamelCaseKeys(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToList())
        {
            var json = string.Join('.', key.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
            if (json != key)
            {
                errors[json] = errors[key];
                errors.Remove(key);
            }
        }
    }

    public static IDictionary<string, string[]> Field(string field, string message) =>
        new Dictionary<string, string[]> { [field] = [message] };

    private sealed class ExceptionToProblem : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            IResult? result = exception switch
            {
                DomainRuleException rule => TypedResults.ValidationProblem(Field(rule.Field, rule.Message)),
                BadHttpRequestException { InnerException: JsonException json } => TypedResults.ValidationProblem(
                    Field(JsonFieldName(json.Path), "This value could not be read: check its type and allowed values."),
                    detail: "The request body is not valid JSON for this endpoint."),
                BadHttpRequestException bad => TypedResults.Problem(statusCode: bad.StatusCode, detail: bad.Message),
                DbUpdateConcurrencyException => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                    title: "Conflict", detail: "Someone else changed this record first. Reload it and try again."),
                _ => null,
            };
            if (result is null)
            {
                return false;
            }
            context.Response.Clear();
            if (result is IStatusCodeHttpResult { StatusCode: { } status })
            {
                context.Response.StatusCode = status;
            }
            await result.ExecuteAsync(context);
            return true;
        }

        // "$.requester.email" -> "requester.email"; "$" (the whole body) -> "body".
        private static string JsonFieldName(string? path)
        {
            var field = (path ?? "$").TrimStart('$').TrimStart('.');
            return field.Length == 0 ? "body" : field;
        }
    }
}

public static class JsonSetup
{
    public static IHostApplicationBuilder AddJsonConventions(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o => Apply(o.SerializerOptions));
        return builder;
    }

    /// <summary>camelCase names and enum strings, integers refused: the API's one wire format.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
    }
}
