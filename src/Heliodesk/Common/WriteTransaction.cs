using System.Security.Cryptography;
using System.Text.Json;
using Heliodesk.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Common;

/// <summary>
/// Runs a write endpoint in one transaction: it commits only when the handler succeeds, so a
/// failed request leaves nothing half-written. A POST with an Idempotency-Key stores its answer in
/// the same transaction; a retry with the same key and body replays that answer and creates nothing.
/// </summary>
public static class WriteTransaction
{
    public const string KeyHeader = "Idempotency-Key";

    public static TBuilder WithWriteTransaction<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, Filter>();

    /// <summary>Keeps keyed request bodies readable twice: once to bind, once to fingerprint.</summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Headers.ContainsKey(KeyHeader))
            {
                context.Request.EnableBuffering();
            }
            return next(context);
        });

    private sealed class Filter(HeliodeskDb db, WorkspaceScope scope, TimeProvider time, IOptions<JsonOptions> json, IDataProtectionProvider protection)
        : IEndpointFilter
    {
        // Stored answers can hold secrets shown once (a new API token, a temporary password):
        // they are encrypted at rest and only ever decrypted to replay them to the same caller.
        private readonly IDataProtector _protector = protection.CreateProtector("Heliodesk.IdempotentAnswers.v1");

        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            string? key = http.Request.Headers[KeyHeader];
            if (key is { Length: 0 or > Limits.IdempotencyKey })
            {
                return TypedResults.ValidationProblem(ProblemHandling.Field(KeyHeader, $"Use a key of 1 to {Limits.IdempotencyKey} characters."));
            }
            var fingerprint = key is null ? "" : await FingerprintAsync(http);
            // Keyed by the scope the request arrived in: creating a workspace enters the new one.
            var keyOwner = scope.WorkspaceId;
            if (http.GetEndpoint()?.Metadata.GetMetadata<GroupCommit>() is { } groupCommit && groupCommit.Qualifies(context.Arguments)
                && http.RequestServices.GetService<GroupCommitWriter>() is { } writer)
            {
                return await InvokeGroupCommittedAsync(context, next, writer, key, fingerprint, keyOwner);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
            if (key is not null && await FindAnswerAsync(keyOwner, key, http.RequestAborted) is { } earlier)
            {
                return Replay(earlier, fingerprint);
            }

            try
            {
                var returned = await next(context);
                var result = Unwrap(returned);
                if (result is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
                {
                    await transaction.RollbackAsync(http.RequestAborted);
                    return returned;
                }
                RecordAnswer(http, key, fingerprint, keyOwner, success);
                await db.SaveChangesAsync(http.RequestAborted);
                await transaction.CommitAsync(http.RequestAborted);
                return returned;
            }
            catch (DbUpdateException e) when (key is not null && ConflictingWrites.IsKeyViolation(e))
            {
                // Two retries raced (only possible on PostgreSQL, where writers run in parallel):
                // the loser's inserts collide with the winner's; the winner's answer stands.
                await transaction.RollbackAsync(http.RequestAborted);
                if (await ReplayWinnerAsync(keyOwner, key, fingerprint, http.RequestAborted) is { } answer)
                {
                    return answer;
                }
                throw;
            }
        }

        // Same contract as above, but nothing holds the write lock while the handler runs: its new
        // rows, with the idempotency record, go to the group-commit writer, and the answer is sent
        // once that batch is durable. A request the writer refuses fails alone (docs/decisions/0030).
        private async ValueTask<object?> InvokeGroupCommittedAsync(
            EndpointFilterInvocationContext context, EndpointFilterDelegate next, GroupCommitWriter writer, string? key, string fingerprint, Guid keyOwner)
        {
            // No look for an earlier answer first: keys are nearly always new, and a retry's record collides
            // with the first one's unique key at commit, which replays the stored answer below.
            var http = context.HttpContext;
            var returned = await next(context);
            if (Unwrap(returned) is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
            {
                db.ChangeTracker.Clear();
                return returned;
            }
            RecordAnswer(http, key, fingerprint, keyOwner, success);
            try
            {
                if (await db.PlanInsertsAsync(http.RequestAborted) is { } rows)
                {
                    await writer.WriteAsync(rows);
                    db.ChangeTracker.AcceptAllChanges();
                    // The group-commit writer bypasses EF's transaction events, so its commit is announced here.
                    http.RequestServices.GetRequiredService<Features.Tickets.Live.TicketFeed>().Publish(db.TakeCommittedTicketChanges());
                }
                else
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
                    await db.SaveChangesAsync(http.RequestAborted);
                    await transaction.CommitAsync(http.RequestAborted);
                }
                return returned;
            }
            catch (DbUpdateException e) when (key is not null && ConflictingWrites.IsKeyViolation(e))
            {
                // A retry with the same key was in the same or an earlier batch: its answer stands.
                if (await ReplayWinnerAsync(keyOwner, key, fingerprint, http.RequestAborted) is { } answer)
                {
                    return answer;
                }
                throw;
            }
        }

        private Task<IdempotencyRecord?> FindAnswerAsync(Guid keyOwner, string key, CancellationToken ct) =>
            db.IdempotencyRecords.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.WorkspaceId == keyOwner && r.Key == key, ct);

        /// <summary>The stored answer of the write that won the key, or null when no answer holds the key: then the
        /// conflict was on another unique key, a real failure the caller rethrows with its constraint.</summary>
        private async Task<IResult?> ReplayWinnerAsync(Guid keyOwner, string key, string fingerprint, CancellationToken ct)
        {
            db.ChangeTracker.Clear();
            var winner = await FindAnswerAsync(keyOwner, key, ct);
            return winner is null ? null : Replay(winner, fingerprint);
        }

        private void RecordAnswer(HttpContext http, string? key, string fingerprint, Guid keyOwner, IStatusCodeHttpResult success)
        {
            if (key is null)
            {
                return;
            }
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                WorkspaceId = keyOwner,
                Key = key,
                RequestHash = fingerprint,
                StatusCode = success.StatusCode!.Value,
                ResponseJson = _protector.Protect(JsonSerializer.Serialize((success as IValueHttpResult)?.Value, json.Value.SerializerOptions)),
                Location = LocationOf(success),
                ETag = http.Response.Headers.ETag.Count > 0 ? http.Response.Headers.ETag.ToString() : null,
                CreatedAt = time.GetUtcNow(),
            });
        }

        // Results<A, B> wraps the result the handler chose; judge and store the one inside.
        private static object? Unwrap(object? result) => result is INestedHttpResult nested ? Unwrap(nested.Result) : result;

        // Created<T> and CreatedAtRoute<T> share no interface for their Location; read it by name.
        private static string? LocationOf(object? result) =>
            result?.GetType().GetProperty("Location")?.GetValue(result) as string;

        private IResult Replay(IdempotencyRecord earlier, string fingerprint)
        {
            if (earlier.RequestHash != fingerprint)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused",
                    detail: "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
            }
            return new ReplayResult(earlier, _protector.Unprotect(earlier.ResponseJson));
        }

        private static async Task<string> FingerprintAsync(HttpContext http)
        {
            http.Request.Body.Position = 0;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n"));
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }
            http.Request.Body.Position = 0;
            return Convert.ToHexStringLower(sha.GetHashAndReset());
        }
    }

    private sealed class ReplayResult(IdempotencyRecord earlier, string responseJson) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => earlier.StatusCode;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = earlier.StatusCode;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (earlier.Location is not null)
            {
                httpContext.Response.Headers.Location = earlier.Location;
            }
            if (earlier.ETag is not null)
            {
                httpContext.Response.Headers.ETag = earlier.ETag;
            }
            // A 204 (or any answer without a value) replays as it was: status and headers, no body.
            if (earlier.StatusCode == StatusCodes.Status204NoContent || responseJson == "null")
            {
                return;
            }
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await httpContext.Response.WriteAsync(responseJson, httpContext.RequestAborted);
        }
    }
}
