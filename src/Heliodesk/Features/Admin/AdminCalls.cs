using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Heliodesk.Features.Admin;

/// <summary>
/// What went wrong with the last admin action: field errors keyed by the API's JSON field names
/// (so the same rule puts its message next to the same box in the UI and in an API client), or a
/// message for the whole form. <see cref="MessageKey"/> is a UiText key; <see cref="Message"/> is the server's text.
/// </summary>
public sealed class AdminErrors
{
    public Dictionary<string, string> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? Message { get; set; }
    public string? MessageKey { get; set; }

    public bool Any => Fields.Count > 0 || Message is not null || MessageKey is not null;

    public string? For(string field) => Fields.GetValueOrDefault(field);

    /// <summary>For aria-invalid: "true" when the field has an error, else nothing is rendered.</summary>
    public string? Invalid(string field) => Fields.ContainsKey(field) ? "true" : null;

    /// <summary>For aria-describedby: the id of the field's error text (see FieldError), when there is one.</summary>
    public string? DescribedBy(string field, string inputId) => Fields.ContainsKey(field) ? inputId + "-error" : null;

    /// <summary>Builds a request from what was typed; a rule broken on the way becomes that field's error.</summary>
    public T? Try<T>(Func<T> build) where T : class
    {
        Clear();
        try
        {
            return build();
        }
        catch (DomainRuleException rule)
        {
            Fields[rule.Field] = rule.Message;
            return null;
        }
    }

    public void Clear()
    {
        Fields.Clear();
        (Message, MessageKey) = (null, null);
    }
}

/// <summary>The outcome of an admin action: whether it succeeded, and the body the API would have answered with.</summary>
public readonly record struct AdminOutcome(bool Ok, object? Body)
{
    public T Value<T>() => (T)Body!;
}

/// <summary>
/// The admin pages call the very handlers the API endpoints map (AgentApi.InviteAgent,
/// TeamApi.CreateTeam, …) with the services of a UI scope, so a rule lives in one place. Like
/// <c>WithWriteTransaction</c>, a write commits only when the handler answers with success; like the
/// endpoint pipeline, the request's data annotations are checked first.
/// </summary>
public static class AdminCalls
{
    public static async Task<AdminOutcome> AdminWriteAsync<TResult>(this UiSession session, AdminErrors errors, Func<UiWork, Task<TResult>> handler, object? request = null)
        where TResult : IResult
    {
        errors.Clear();
        if (request is not null && !Validate(request, errors))
        {
            return default;
        }
        try
        {
            return await session.WriteAsync(async work =>
            {
                var outcome = Judge(await handler(work), errors);
                // Throwing leaves UiSession.WriteAsync before its commit: a refused write keeps nothing.
                return outcome.Ok ? outcome : throw new Refused();
            });
        }
        catch (Refused)
        {
            return default;
        }
        catch (DomainRuleException rule)
        {
            errors.Fields[rule.Field] = rule.Message;
            return default;
        }
    }

    public static async Task<AdminOutcome> AdminReadAsync<TResult>(this UiSession session, AdminErrors errors, Func<UiWork, Task<TResult>> handler)
        where TResult : IResult
    {
        try
        {
            return await session.ReadAsync(async work => Judge(await handler(work), errors));
        }
        catch (DomainRuleException rule)
        {
            errors.Fields[rule.Field] = rule.Message;
            return default;
        }
    }

    /// <summary>
    /// The request's [Required], [MaxLength], [Range]… exactly as the endpoint validation reads them, nested
    /// requests included (a mailbox's "imap.port"), keyed by JSON name.
    /// </summary>
    public static bool Validate(object request, AdminErrors errors, string prefix = "")
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty("body"))
            {
                errors.Fields.TryAdd(prefix + JsonName(member), result.ErrorMessage ?? "");
            }
        }
        foreach (var property in request.GetType().GetProperties())
        {
            if (property.PropertyType.Namespace?.StartsWith("Heliodesk", StringComparison.Ordinal) == true
                && property.PropertyType.IsClass && property.GetIndexParameters().Length == 0 && property.GetValue(request) is { } nested)
            {
                Validate(nested, errors, prefix + JsonName(property.Name) + ".");
            }
        }
        return errors.Fields.Count == 0;
    }

    private static AdminOutcome Judge(IResult result, AdminErrors errors)
    {
        switch (result)
        {
            case INestedHttpResult nested:
                return Judge(nested.Result, errors);
            case ProblemHttpResult problem:
                errors.Message = problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title;
                return default;
            case ValidationProblem validation:
                foreach (var (field, messages) in validation.ProblemDetails.Errors)
                {
                    errors.Fields[JsonName(field)] = string.Join(" ", messages);
                }
                return default;
            case NotFound:
                errors.MessageKey = "Admin.Gone";
                return default;
            case IStatusCodeHttpResult { StatusCode: >= 200 and < 300 }:
                return new AdminOutcome(true, (result as IValueHttpResult)?.Value);
            default:
                errors.MessageKey = "Admin.Failed";
                return default;
        }
    }

    private static string JsonName(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];

    private sealed class Refused : Exception;
}
